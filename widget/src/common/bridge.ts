/** The contract between the loader (widget.js) and the app chunk (widget-app.<hash>.js). */
import type { WidgetConfig } from './widget-config.ts';

/** Host-page events a site can listen to with `Kefu('on', event, handler)`. */
export type WidgetEvent = 'message' | 'open' | 'close' | 'unread';

/** Commands the app executes, `on` included: events only ever fire from the app. */
export type AppCommand = 'open' | 'close' | 'toggle' | 'identify' | 'send' | 'on';

/** What the loader hands to the app when it mounts. */
export interface WidgetHost {
  config: WidgetConfig;
  /** The shadow root the app renders its panel and styles into. */
  root: ShadowRoot;
  /** The launcher button; the app reflects the panel state and the unread count on it. */
  launcher: HTMLButtonElement;
  /**
   * Loaders built before the app took over `on` kept the page's handlers themselves; while such a
   * loader is still cached (minutes after a deploy), the app notifies it too.
   */
  emit?(event: WidgetEvent, ...args: unknown[]): void;
}

/** What the app gives back: a command sink that ignores unknown commands and never throws (the loader does not guard it). */
export interface WidgetApp {
  run(command: string, args: unknown[]): void;
}

/** The app chunk's entry: called by the loader once the app chunk has run. */
export type MountApp = (host: WidgetHost) => WidgetApp;

/** The public global: `Kefu(command, ...args)`, plus the loader's private hook for the app chunk. */
export interface KefuGlobal {
  (command: string, ...args: unknown[]): void;
  /** Calls queued by the inline stub before the loader ran. */
  q?: ArrayLike<unknown>[];
  /** Set by the loader: the app chunk registers its mount function here. */
  _app?: (mount: MountApp) => void;
}
