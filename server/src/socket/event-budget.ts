/** A per-socket allowance of events in a fixed window: typing and read signals cost no storage, but a flood still costs relays. */
import { KefuError } from '../kefu-error.ts';

export interface EventBudget {
  /** Counts one event; throws `rate_limited` when the window's allowance is spent. */
  spend(what: string): void;
}

export function createEventBudget(allowance: number, windowMs: number, now: () => number): EventBudget {
  let windowStart = -Infinity;
  let used = 0;
  return {
    spend(what) {
      const t = now();
      if (t - windowStart >= windowMs) {
        windowStart = t;
        used = 0;
      }
      if (++used > allowance) {
        const seconds = Math.max(1, Math.ceil((windowStart + windowMs - t) / 1000));
        throw new KefuError('rate_limited', `too many ${what} events; please wait ${seconds} s`);
      }
    },
  };
}
