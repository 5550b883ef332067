/** The app chunk's entry point: hands the mount function to the loader that fetched this chunk. */
import type { KefuGlobal } from '../common/bridge.ts';
import { mountApp } from './mount-app.tsx';

try {
  (window as Window & { Kefu?: KefuGlobal }).Kefu?._app?.(mountApp);
} catch {
  /* the app failed to start: the launcher stays, the host page goes on */
}
