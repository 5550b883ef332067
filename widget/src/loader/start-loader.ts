/** Boots the loader: reads the config, installs `window.Kefu`, draws the launcher, loads the app when wanted. */
import type { KefuGlobal, MountApp } from '../common/bridge.ts';
import { openKey } from '../common/safe-storage.ts';
import { createDispatcher } from './create-dispatcher.ts';
import { createEmitter } from './create-emitter.ts';
import { findLoaderScript } from './find-loader-script.ts';
import { loadApp, whenIdle } from './load-app.ts';
import { mountLauncher, type Launcher } from './mount-launcher.ts';
import { readConfig } from './read-config.ts';

type KefuWindow = Window & { Kefu?: KefuGlobal };

/** Starts the widget on this page; never throws into the host page, and runs once even if embedded twice. */
export function startLoader(win: KefuWindow = window): void {
  try {
    const doc = win.document;
    const stub = win.Kefu;
    if (stub && stub._app) return;
    const script = findLoaderScript(doc);
    const config = readConfig(
      { src: script?.src ?? '', attr: (name) => script?.getAttribute(name) ?? null },
      win.navigator.language || '',
      (value) => typeof CSS === 'undefined' || CSS.supports('color', value),
    );
    const emitter = createEmitter();
    let ui: Launcher | undefined;
    let wanted = false;
    let loading = false;
    const requestApp = () => {
      wanted = true;
      if (!ui || loading) return;
      loading = true;
      loadApp(doc, config.base, () => {
        loading = false;
      });
    };
    const dispatcher = createDispatcher(emitter, requestApp);
    const kefu: KefuGlobal = (command, ...args) => {
      try {
        dispatcher.dispatch(command, args);
      } catch {
        /* never throw into the host page */
      }
    };
    kefu._app = (mount: MountApp) => {
      try {
        if (ui) dispatcher.attach(mount({ ...ui, config, emit: emitter.emit }));
      } catch {
        /* the app failed to start; the launcher stays */
      }
    };
    win.Kefu = kefu;
    for (const call of stub?.q ?? []) kefu(...(Array.from(call) as [string, ...unknown[]]));
    if (wasOpen(win, config.site)) kefu('open');

    const mount = () => {
      try {
        ui = mountLauncher(doc.body, config, () => kefu('toggle'), requestApp);
        if (wanted) requestApp();
        else whenIdle(win, requestApp);
      } catch {
        /* no launcher, no widget; the page goes on */
      }
    };
    if (doc.body) mount();
    else doc.addEventListener('DOMContentLoaded', mount);
  } catch {
    /* never throw into the host page */
  }
}

/** The panel was open before a reload in this tab; sessionStorage may throw (sandboxed frames). */
function wasOpen(win: Window, site: string): boolean {
  try {
    return win.sessionStorage.getItem(openKey(site)) === '1';
  } catch {
    return false;
  }
}
