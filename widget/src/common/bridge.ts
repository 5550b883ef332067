/** The contract between the loader (widget.js) and the app chunk (widget-app.js). */
import type { WidgetConfig } from './widget-config.ts';

/** Host-page events a site can listen to with `Kefu('on', event, handler)`. */
export type WidgetEvent = 'message' | 'open' | 'close' | 'unread';

/** Commands the app executes; `on` is handled by the loader itself. */
export type AppCommand = 'open' | 'close' | 'toggle' | 'identify' | 'send';

/** What the loader hands to the app when it mounts. */
export interface WidgetHost {
  config: WidgetConfig;
  /** The shadow root the app renders its panel and styles into. */
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** Reflect the panel state on the launcher (aria-expanded, icon). */
  setOpen(open: boolean): void;
  /** Show the unread badge (0 hides it). */
  setUnread(count: number): void;
  /** Notify the site's `Kefu('on', …)` handlers. */
  emit(event: WidgetEvent, ...args: unknown[]): void;
}

/** What the app gives back: a command sink. */
export interface WidgetApp {
  run(command: AppCommand, args: unknown[]): void;
}

/** The app chunk's entry: called by the loader once widget-app.js has run. */
export type MountApp = (host: WidgetHost) => WidgetApp;

/** The public global: `Kefu(command, ...args)`, plus the loader's private hook for the app chunk. */
export interface KefuGlobal {
  (command: string, ...args: unknown[]): void;
  /** Calls queued by the inline stub before the loader ran. */
  q?: ArrayLike<unknown>[];
  /** Set by the loader: the app chunk registers its mount function here. */
  _app?: (mount: MountApp) => void;
}
