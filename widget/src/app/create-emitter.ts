/** The host page's event listeners (`Kefu('on', …)`), isolated so one failing handler cannot stop the others. */
import type { WidgetEvent } from '../common/bridge.ts';

/** Listener registry for widget events. */
export interface Emitter {
  on(event: WidgetEvent, handler: (...args: unknown[]) => void): void;
  emit(event: WidgetEvent, ...args: unknown[]): void;
}

/** Creates an emitter; non-function handlers are ignored, and unknown events simply never fire. */
export function createEmitter(): Emitter {
  const handlers: Record<string, ((...args: unknown[]) => void)[]> = {};
  return {
    on(event, handler) {
      if (typeof handler === 'function') (handlers[event] ||= []).push(handler);
    },
    emit(event, ...args) {
      for (const handler of handlers[event] ?? []) {
        try {
          handler(...args);
        } catch {
          /* a site's handler must not break the widget */
        }
      }
    },
  };
}
