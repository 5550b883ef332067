/**
 * Rate-limit windows in Redis, shared by every node: N nodes do not give N times the limit. Each
 * Redis limiter carries an in-memory insurance limiter that counts while Redis is away or slow, so
 * the node keeps serving (with per-process windows) through an outage.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../security/login-limits.ts';
import type { LimiterStore } from '../security/rate-limiter.ts';
import type { RedisConnection } from './redis-connection.ts';
import { REDIS_COMMAND_TIMEOUT_MS } from './redis-timeout.ts';

/** One Redis-backed window with its memory insurance and a time limit on every command. */
export function insuredRedisLimiter(redis: RedisConnection, name: string, points: number, seconds: number): RateLimiterAbstract {
  const insurance = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
  const inner = new RateLimiterRedis({
    storeClient: redis.client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `${redis.prefix}rl:${name}`,
    points,
    duration: seconds,
    insuranceLimiter: insurance,
  });
  return new RLWrapperTimeouts({ limiter: inner, insuranceLimiter: insurance, timeoutMs: REDIS_COMMAND_TIMEOUT_MS }) as unknown as RateLimiterAbstract;
}

/** The visitor limits' store (`createVisitorLimiters`) on Redis. */
export function redisLimiterStore(redis: RedisConnection): LimiterStore {
  return {
    limiter(name, points, seconds) {
      const inner = insuredRedisLimiter(redis, name, points, seconds);
      return {
        async consume(key, hits = 1) {
          try {
            await inner.consume(key, hits);
            return { allowed: true };
          } catch (res) {
            if (res instanceof RateLimiterRes) return { allowed: false, retryAfterMs: res.msBeforeNext };
            throw res;
          }
        },
      };
    },
  };
}

/** The sign-in limits' counters (`createLoginLimits`) on Redis. */
export function redisLoginLimiters(redis: RedisConnection): LimiterFactory {
  return (name, rule) => insuredRedisLimiter(redis, `login:${name}`, rule.points, rule.durationSec);
}
