/** The fixed-window limiter: a burst up to the limit passes, the next hit waits for the window to end. */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows the limit per window and per key, then resets', () => {
    let t = 0;
    const limiter = createRateLimiter(3, 1000, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.exhausted('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.exhausted('b')).toBe(false);
    t = 1000;
    expect(limiter.exhausted('a')).toBe(false);
    expect(limiter.take('a')).toBe(true);
  });
});
