/** widget-app.js entry point: hands the mount function to the loader that fetched this chunk. */
import type { KefuGlobal } from '../common/bridge.ts';
import { mountApp } from './mount-app.tsx';

(window as Window & { Kefu?: KefuGlobal }).Kefu?._app?.(mountApp);
