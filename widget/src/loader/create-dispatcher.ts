/** Routes `Kefu(command, …)` calls: `on` at once, everything else to the app (which ignores unknown ones), queued until it has mounted. */
import type { AppCommand, WidgetApp, WidgetEvent } from '../common/bridge.ts';
import type { Emitter } from './create-emitter.ts';

/** Commands that need the app now, so they start loading it instead of waiting for idle time. */
const EAGER = /^(open|toggle|send)$/;

/** The command router between the public global and the app. */
export interface Dispatcher {
  dispatch(command: unknown, args: unknown[]): void;
  /** The app is ready: replay what was queued, in order, then pass calls straight through. */
  attach(app: WidgetApp): void;
}

/** Creates a dispatcher; `requestApp` is called when a queued command needs the app loaded. */
export function createDispatcher(emitter: Emitter, requestApp: () => void): Dispatcher {
  const queue: [AppCommand, unknown[]][] = [];
  let app: WidgetApp | undefined;
  return {
    dispatch(command, args) {
      if (command === 'on') return emitter.on(args[0] as WidgetEvent, args[1] as () => void);
      if (typeof command !== 'string') return;
      if (app) return app.run(command as AppCommand, args);
      queue.push([command as AppCommand, args]);
      if (EAGER.test(command)) requestApp();
    },
    attach(ready) {
      app = ready;
      for (const [command, args] of queue.splice(0)) {
        try {
          ready.run(command, args);
        } catch {
          /* one bad call must not drop the rest */
        }
      }
    },
  };
}
