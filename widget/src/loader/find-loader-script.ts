/** Finds the <script> element that loaded widget.js. */

/** `document.currentScript` while the loader runs synchronously (async included); else the first script whose src names /widget.js. */
export function findLoaderScript(doc: Document): HTMLScriptElement | null {
  return (doc.currentScript as HTMLScriptElement | null) || doc.querySelector('script[src*="/widget.js"]');
}
