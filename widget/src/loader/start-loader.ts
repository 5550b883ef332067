/** Boots the loader: reads the config, installs `window.Kefu`, draws the launcher, loads the app when wanted. */
import type { KefuGlobal, WidgetHost } from '../common/bridge.ts';
import { openKey, wakeKey } from '../common/safe-storage.ts';
import { createDispatcher } from './create-dispatcher.ts';
import { findLoaderScript } from './find-loader-script.ts';
import { loadApp } from './load-app.ts';
import { mountLauncher } from './mount-launcher.ts';
import { readConfig } from './read-config.ts';

type KefuWindow = Window & { Kefu?: KefuGlobal };

/**
 * Starts the widget on this page; never throws into the host page, and runs once even if embedded
 * twice. The app (~25 KB gzip) is fetched only on intent (hover, focus, touch, a click, or a
 * command that needs it), when the panel was open before a reload in this tab, or when the app
 * left the wake flag (unread messages, or a human agent on the conversation); other page views
 * pay for the launcher alone.
 */
export function startLoader(win: KefuWindow = window): void {
  try {
    const doc = win.document;
    const stub = win.Kefu;
    if (stub?._app) return;
    // No script element (the loader was eval'ed) makes this throw: no widget, the page goes on.
    const config = readConfig(findLoaderScript(doc)!, navigator.language, (value) => CSS.supports('color', value));
    let host: WidgetHost | undefined;
    let wanted = !!read(() => win.localStorage.getItem(wakeKey(config.site)));
    let loading = false;
    const requestApp = () => {
      wanted = true;
      if (!host || loading) return;
      loading = true;
      loadApp(doc, config.base, config.lang, () => {
        loading = false;
      });
    };
    const dispatcher = createDispatcher(requestApp);
    const kefu: KefuGlobal = (command, ...args) => dispatcher.dispatch(command, args);
    // The app chunk calls this once it has run; the app guards its own mount and commands.
    kefu._app = (mount) => host && dispatcher.attach(mount(host));
    win.Kefu = kefu;
    for (const call of stub?.q ?? []) kefu(...(Array.from(call) as [string, ...unknown[]]));
    if (read(() => win.sessionStorage.getItem(openKey(config.site))) === '1') kefu('open');

    const mount = () => {
      try {
        host = mountLauncher(doc.body, config, () => kefu('toggle'), requestApp);
        if (wanted) requestApp();
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

/** A storage value, or null where storage throws (sandboxed frames, blocked cookies). */
function read(get: () => string | null): string | null {
  try {
    return get();
  } catch {
    return null;
  }
}
