/** The limiters: a burst up to the limit passes per key, the next hit is refused with a wait; every check of a combined hit counts. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, consumeAll, createRateLimiter, limitEnvName, memoryStore, resolveLimits } from './rate-limiter.ts';

describe('memory limiter', () => {
  it('allows the limit per key, then refuses with the time to wait', async () => {
    const limiter = memoryStore.limiter('test-a', 3, 60);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limiter.consume('a'));
    expect(verdicts.slice(0, 3).every((v) => v.allowed)).toBe(true);
    expect(verdicts[3]).toMatchObject({ allowed: false });
    expect(verdicts[3]!.allowed === false && verdicts[3]!.retryAfterMs).toBeGreaterThan(59_000);
    expect((await limiter.consume('b')).allowed).toBe(true);
  });

  it('refuses a combined hit when any limit is over, counting it on all of them', async () => {
    const small = memoryStore.limiter('test-small', 1, 60);
    const big = memoryStore.limiter('test-big', 2, 60);
    expect((await consumeAll([[small, 'k'], [big, 'k']])).allowed).toBe(true);
    expect((await consumeAll([[small, 'k'], [big, 'k']])).allowed).toBe(false);
    // big counted both hits, so it is now spent too.
    expect((await big.consume('k')).allowed).toBe(false);
  });

  it('fills defaults and names the environment variables', () => {
    expect(resolveLimits({ messagesPerIp: 5 })).toEqual({ ...DEFAULT_LIMITS, messagesPerIp: 5 });
    expect(limitEnvName('messagesPerIp')).toBe('KEFU_LIMIT_MESSAGES_PER_IP');
    expect(limitEnvName('visitorsPerIpPerHour')).toBe('KEFU_LIMIT_VISITORS_PER_IP_PER_HOUR');
  });
});

describe('fixed-window limiter (sign-in)', () => {
  it('allows the limit per window and per key, then resets', () => {
    let t = 0;
    const limiter = createRateLimiter(3, 1000, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.exhausted('a')).toBe(true);
    t = 1000;
    expect(limiter.take('a')).toBe(true);
  });
});
