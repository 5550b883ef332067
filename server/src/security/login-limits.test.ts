import { describe, expect, it } from 'vitest';
import { createLoginLimits, type LoginAttempt, type LoginLimits } from './login-limits.ts';

const rules = {
  addressAndAccount: { points: 3, durationSec: 60 },
  account: { points: 5, durationSec: 60 },
  address: { points: 8, durationSec: 60 },
};

async function attempt(limits: LoginLimits, address: string, email: string): Promise<LoginAttempt | number> {
  const a = await limits.begin(address, email);
  return 'retryAfterMs' in a ? a.retryAfterMs : a;
}

async function fail(limits: LoginLimits, address: string, email: string): Promise<boolean> {
  const a = await attempt(limits, address, email);
  if (typeof a === 'number') return false;
  await a.failed();
  return true;
}

describe('sign-in limits', () => {
  it('locks one account from one address without locking a colleague there', async () => {
    const limits = createLoginLimits(rules);
    for (let i = 0; i < 3; i++) expect(await fail(limits, '10.0.0.1', 'a@x.test')).toBe(true);
    const locked = await attempt(limits, '10.0.0.1', 'a@x.test');
    expect(typeof locked).toBe('number');
    expect(locked as number).toBeGreaterThan(50_000);
    expect(typeof (await attempt(limits, '10.0.0.1', 'b@x.test'))).toBe('object');
    expect(typeof (await attempt(limits, '10.0.0.2', 'a@x.test'))).toBe('object');
  });

  it('counts failures per account across addresses, and per address across accounts', async () => {
    const perAccount = createLoginLimits(rules);
    for (let i = 0; i < 5; i++) expect(await fail(perAccount, `10.0.1.${i}`, 'a@x.test')).toBe(true);
    expect(typeof (await attempt(perAccount, '10.0.1.99', 'a@x.test'))).toBe('number');

    const perAddress = createLoginLimits(rules);
    for (let i = 0; i < 8; i++) expect(await fail(perAddress, '10.0.2.1', `u${i}@x.test`)).toBe(true);
    expect(typeof (await attempt(perAddress, '10.0.2.1', 'fresh@x.test'))).toBe('number');
  });

  it('counts only failures: successes clear their own counter, refused attempts add nothing', async () => {
    const limits = createLoginLimits({ ...rules, account: { points: 6, durationSec: 60 } });
    for (let i = 0; i < 2; i++) await fail(limits, '10.0.3.1', 'a@x.test');
    const ok = await attempt(limits, '10.0.3.1', 'a@x.test');
    if (typeof ok === 'number') throw new Error('refused');
    await ok.succeeded();
    for (let i = 0; i < 3; i++) expect(await fail(limits, '10.0.3.1', 'a@x.test')).toBe(true);
    for (let i = 0; i < 10; i++) expect(typeof (await attempt(limits, '10.0.3.1', 'a@x.test'))).toBe('number');
    // Ten refused attempts later the account counter still holds only the 2 + 3 failures (of 6), so another address gets through.
    expect(typeof (await attempt(limits, '10.0.3.2', 'a@x.test'))).toBe('object');
  });

  it('holds against a burst of parallel guesses', async () => {
    const limits = createLoginLimits(rules);
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(limits, '10.0.4.1', 'a@x.test')));
    expect(results.filter((r) => typeof r === 'object')).toHaveLength(3);
  });
});
