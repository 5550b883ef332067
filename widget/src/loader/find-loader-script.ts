/** Finds the <script> element that loaded widget.js. */

/** `document.currentScript` while the loader runs synchronously; else the last script whose src names /widget.js. */
export function findLoaderScript(doc: Document): HTMLScriptElement | undefined {
  const current = doc.currentScript as HTMLScriptElement | null;
  if (current?.src) return current;
  const scripts = doc.querySelectorAll<HTMLScriptElement>('script[src*="/widget.js"]');
  return scripts[scripts.length - 1];
}
