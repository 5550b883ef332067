/** Routes `Kefu(command, …)` calls to the app, queued in order until it has mounted. */
import type { WidgetApp } from '../common/bridge.ts';

/** Commands that need the app now, so they start loading it; the rest (identify, on, close) wait for it. */
const EAGER = /^(open|toggle|send)$/;

/** The command router between the public global and the app. */
export interface Dispatcher {
  dispatch(command: unknown, args: unknown[]): void;
  /** The app is ready: replay what was queued, in order, then pass calls straight through. */
  attach(app: WidgetApp): void;
}

/** Creates a dispatcher; `requestApp` is called when a queued command needs the app loaded. */
export function createDispatcher(requestApp: () => void): Dispatcher {
  const queue: [string, unknown[]][] = [];
  let app: WidgetApp | undefined;
  return {
    dispatch(command, args) {
      if (typeof command !== 'string') return;
      if (app) return app.run(command, args);
      queue.push([command, args]);
      if (EAGER.test(command)) requestApp();
    },
    attach(ready) {
      app = ready;
      for (const [command, args] of queue.splice(0)) ready.run(command, args);
    },
  };
}
