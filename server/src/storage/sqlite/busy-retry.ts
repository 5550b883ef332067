/**
 * Waits out another process's write lock without blocking the event loop: SQLite itself only waits
 * a few milliseconds (busy_timeout), and each storage call that still meets the lock is run again
 * after an asynchronous, growing pause, until a time budget is spent and it fails as `unavailable`.
 */
import { KefuError } from '../../kefu-error.ts';
import { isStorageBusy } from '../storage-errors.ts';

export interface BusyRetryOptions {
  /** Total time to keep retrying one call before answering `unavailable`. */
  budgetMs: number;
}

export const DEFAULT_BUSY_RETRY: BusyRetryOptions = { budgetMs: 2000 };

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `call` (one whole transaction) until it does not meet a busy lock, or the budget is spent. */
export async function retryBusy<T>(call: () => Promise<T>, options: BusyRetryOptions = DEFAULT_BUSY_RETRY): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isStorageBusy(err)) throw err;
      const left = options.budgetMs - (Date.now() - started);
      if (left <= 0) throw new KefuError('unavailable', 'the database is busy; please retry shortly');
      // Jitter keeps many waiting callers from retrying in lockstep.
      const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(Math.min(left, pause));
    }
  }
}

/**
 * Wraps every method of a storage so each call is retried as a whole. Every SQLite storage method
 * is one statement or one transaction, so running it again is safe: a busy lock fails it before
 * anything is written.
 */
export function withBusyRetry<T extends object>(target: T, options: BusyRetryOptions = DEFAULT_BUSY_RETRY): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) => retryBusy(() => Promise.resolve(value.apply(obj, args)), options);
    },
  });
}
