/** How long a failed job waits before its next attempt: doubling from a base, up to a ceiling. */

export interface RetryBackoff {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 10_000, maxMs: 60 * 60_000 };

/** The wait after `attempts` attempts have failed (1 → base, 2 → twice the base, …). */
export function retryDelayMs(attempts: number, backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}
