/** Fixed-window rate limiting per key, in process memory (a shared store replaces it when several processes serve). */
export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit for the current window. */
  take(key: string): boolean;
  /** True when the key has used up its window, without counting a hit. */
  exhausted(key: string): boolean;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    take(key) {
      const t = now();
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      const w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.set(key, { count: 1, resetAt: t + windowMs });
        return true;
      }
      w.count += 1;
      return w.count <= limit;
    },
    exhausted(key) {
      const w = windows.get(key);
      return w !== undefined && w.resetAt > now() && w.count >= limit;
    },
  };
}
