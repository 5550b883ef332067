/** Mounts the console into a page element; `close()` unmounts it (and with it the socket). */
import { render } from 'preact';
import { pickLang, readStoredLang } from './i18n/pick-lang.ts';
import { App } from './ui/app.tsx';

/** Handle returned by {@link startConsole}. */
export interface ConsoleHandle {
  close(): void;
}

/** Renders the app into `root`, in the remembered language or the browser's. */
export function startConsole(root: HTMLElement): ConsoleHandle {
  const lang = pickLang(readStoredLang(), navigator.languages?.length ? navigator.languages : [navigator.language]);
  render(<App initialLang={lang} />, root);
  return { close: () => render(null, root) };
}
