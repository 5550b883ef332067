/** Fetches the app chunk with a classic <script>, which needs no CORS headers from the widget's server. */
import type { Lang } from '@kefu/shared';

/** The hash in the app chunks' names, compiled in by build.mjs (the app is built first). */
declare const __KEFU_APP_VERSION__: string;

/** Appends `<base>/widget-app.<lang>.<hash>.js` to the page; `onError` lets a later interaction retry. */
export function loadApp(doc: Document, base: string, lang: Lang, onError: () => void): void {
  const script = doc.createElement('script');
  script.src = `${base}/widget-app.${lang}.${__KEFU_APP_VERSION__}.js`;
  script.onerror = () => {
    script.remove();
    onError();
  };
  doc.head.appendChild(script);
}
