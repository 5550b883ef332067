/**
 * Retries each storage call whose failure changed nothing (a lock timeout, a deadlock, a connection
 * that could not be opened) after a short, growing, jittered pause, until a time budget is spent;
 * then, and for a connection lost mid-statement, it fails as the retryable `unavailable`.
 */
import { KefuError } from '../../kefu-error.ts';
import { isPgRetryable, isPgUnavailable } from './pg-errors.ts';

export interface PgRetryOptions {
  /** Total time to keep retrying one call before answering `unavailable`. */
  budgetMs: number;
}

export const DEFAULT_PG_RETRY: PgRetryOptions = { budgetMs: 2000 };

const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const unavailable = () => new KefuError('unavailable', 'the database is unavailable; please retry shortly');

/**
 * Runs `call` (one statement or one transaction) until it succeeds, fails for good, or the budget
 * is spent. A `readOnly` call is also run again after losing its connection mid-statement.
 */
export async function retryPg<T>(call: () => Promise<T>, options: PgRetryOptions = DEFAULT_PG_RETRY, readOnly = false): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(isPgRetryable(err) || (readOnly && isPgUnavailable(err)))) throw isPgUnavailable(err) ? unavailable() : err;
      const left = options.budgetMs - (Date.now() - started);
      if (left <= 0) throw unavailable();
      // Jitter keeps many waiting callers from retrying in lockstep.
      const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(Math.min(left, pause));
    }
  }
}

/** Storage methods that only read: losing the connection during one cannot have changed anything. */
const READ_ONLY = /^(ping|get|find|list|latest|count)/;

/** Wraps every method of a storage (but `close`) in `retryPg`: each is one statement or one transaction. */
export function withPgRetry<T extends object>(target: T, options: PgRetryOptions = DEFAULT_PG_RETRY): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      const readOnly = typeof key === 'string' && READ_ONLY.test(key);
      return (...args: unknown[]) => retryPg(() => Promise.resolve(value.apply(obj, args)), options, readOnly);
    },
  });
}
