/**
 * Per-conversation ordering of bot turns across nodes: tasks with one key run one after another in
 * this process (as before) and, in addition, under a Redis lock (SET NX PX with a short TTL kept
 * alive while the task runs), so a message answered on another node waits for the turn before it.
 * While Redis is away the lock is skipped (logged): turns still run, ordered within each node.
 */
import { randomBytes } from 'node:crypto';
import { createKeyedSerial, type KeyedSerial } from '../conversation/keyed-serial.ts';
import type { Logger } from '../logger.ts';
import type { RedisConnection } from './redis-connection.ts';
import { withTimeout } from './redis-timeout.ts';

export interface LockTimings {
  /** A lock of a node that died frees itself after this long. */
  ttlMs: number;
  /** How long a task waits for another node's turn before it runs anyway. */
  maxWaitMs: number;
  /** Between two attempts to take a held lock. */
  pollMs: number;
}

export const DEFAULT_LOCK_TIMINGS: LockTimings = { ttlMs: 15_000, maxWaitMs: 60_000, pollMs: 50 };

/** Deletes (or extends) the lock only if this holder still owns it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRedisKeyedSerial(redis: RedisConnection, log: Logger, timings: LockTimings = DEFAULT_LOCK_TIMINGS): KeyedSerial {
  const local = createKeyedSerial();
  const lockKey = (key: string) => `${redis.prefix}turn-lock:${key}`;

  const release = (key: string, token: string) =>
    withTimeout(redis.client.eval(RELEASE, { keys: [lockKey(key)], arguments: [token] })).catch(() => undefined);

  /** The holder's token once the lock is ours; undefined when Redis is away or the wait ran out. */
  async function acquire(key: string): Promise<string | undefined> {
    const token = randomBytes(12).toString('hex');
    const deadline = Date.now() + timings.maxWaitMs;
    for (;;) {
      const asked = redis.client.set(lockKey(key), token, { NX: true, PX: timings.ttlMs });
      try {
        const set = await withTimeout(asked);
        if (set === 'OK') return token;
      } catch (err) {
        // A paused Redis may still take the lock when it wakes: give it back then, or the
        // conversation's next turn would wait out the whole TTL.
        asked.then((late) => (late === 'OK' ? release(key, token) : undefined)).catch(() => undefined);
        log.warn(`conversation lock unavailable (Redis), running the turn with this node's ordering only: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
      if (Date.now() >= deadline) {
        log.warn(`conversation ${key}: waited ${timings.maxWaitMs} ms for another node's turn, running anyway`);
        return undefined;
      }
      await sleep(timings.pollMs);
    }
  }

  return {
    run(key, task) {
      return local.run(key, async () => {
        const token = await acquire(key);
        if (token === undefined) return task();
        const keepAlive = setInterval(() => {
          withTimeout(redis.client.eval(EXTEND, { keys: [lockKey(key)], arguments: [token, String(timings.ttlMs)] })).catch(() => undefined);
        }, Math.floor(timings.ttlMs / 3));
        try {
          return await task();
        } finally {
          clearInterval(keepAlive);
          // A lock that cannot be released expires by itself after ttlMs.
          await release(key, token);
        }
      });
    },
  };
}
