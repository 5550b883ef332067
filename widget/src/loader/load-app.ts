/** Fetches the app chunk with a classic <script>, which needs no CORS headers from the widget's server. */

/** Appends `<base>/widget-app.js` to the page; `onError` lets a later interaction retry. */
export function loadApp(doc: Document, base: string, onError: () => void): void {
  const script = doc.createElement('script');
  script.src = `${base}/widget-app.js`;
  script.async = true;
  script.onerror = () => {
    script.remove();
    onError();
  };
  (doc.head || doc.documentElement).appendChild(script);
}

/** Runs `task` when the browser is idle, or after a delay where requestIdleCallback is missing (Safari). */
export function whenIdle(win: Window, task: () => void): void {
  if (win.requestIdleCallback) win.requestIdleCallback(task, { timeout: 4000 });
  else setTimeout(task, 2500);
}
