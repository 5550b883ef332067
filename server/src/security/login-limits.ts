/**
 * Sign-in limits: failed attempts per (address, account), per account across addresses and per address
 * across accounts. Only failures count, so one locked-out account does not lock a colleague out from the
 * same office address, and the right password clears its own counter.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** At most `points` failures per `durationSec`. */
export interface LoginLimitRule {
  points: number;
  durationSec: number;
}

export interface LoginLimitRules {
  addressAndAccount: LoginLimitRule;
  account: LoginLimitRule;
  address: LoginLimitRule;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitRules = {
  addressAndAccount: { points: 5, durationSec: 15 * 60 },
  account: { points: 20, durationSec: 60 * 60 },
  address: { points: 100, durationSec: 60 * 60 },
};

/** Builds one counter; the default keeps it in memory, a Redis-backed limiter fits the same seam. */
export type LimiterFactory = (name: keyof LoginLimitRules, rule: LoginLimitRule) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (name, rule) =>
  new RateLimiterMemory({ keyPrefix: `login:${name}`, points: rule.points, duration: rule.durationSec });

/** An attempt in progress: it holds one point of every counter until it is settled. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export interface LoginLimits {
  /**
   * Reserves one failure before the password is checked (so a burst of parallel guesses cannot slip
   * past the counters while scrypt runs); `retryAfterMs` when a counter is already used up.
   */
  begin(address: string, email: string): Promise<LoginAttempt | { retryAfterMs: number }>;
}

export function createLoginLimits(rules: LoginLimitRules = DEFAULT_LOGIN_LIMITS, factory: LimiterFactory = memoryLimiters): LoginLimits {
  const names = ['addressAndAccount', 'account', 'address'] as const;
  const limiters = names.map((name) => factory(name, rules[name]));
  return {
    async begin(address, email) {
      const keys = [`${address}|${email}`, email, address];
      const results = await Promise.allSettled(limiters.map((limiter, i) => limiter.consume(keys[i]!)));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (refused.length > 0) {
        // A refused attempt is no failure: give back what it reserved.
        await Promise.all(limiters.map((limiter, i) => limiter.reward(keys[i]!)));
        const unexpected = refused.find((reason) => !(reason instanceof RateLimiterRes));
        if (unexpected) throw unexpected;
        return { retryAfterMs: Math.max(...refused.map((r) => (r as RateLimiterRes).msBeforeNext), 1000) };
      }
      return {
        async succeeded() {
          await Promise.all([limiters[0]!.delete(keys[0]!), limiters[1]!.reward(keys[1]!), limiters[2]!.reward(keys[2]!)]);
        },
        async failed() {},
      };
    },
  };
}
