/** Counters kept in one Redis hash so that /metrics shows the same totals on every node. */
import type { Logger } from '../logger.ts';
import type { RedisConnection } from './redis-connection.ts';
import { withTimeout } from './redis-timeout.ts';

export interface SharedCounters {
  increment(field: string): void;
  /** Every field's total across nodes; throws when Redis cannot answer. */
  read(): Promise<Record<string, number>>;
}

export function redisCounters(redis: RedisConnection, name: string, log: Logger): SharedCounters {
  const key = `${redis.prefix}metrics:${name}`;
  return {
    increment(field) {
      // Fire and forget: a counter lost during an outage is better than a bot turn that waits on it.
      withTimeout(redis.client.hIncrBy(key, field, 1)).catch((err: unknown) => log.debug(`metrics counter ${name} not counted`, err));
    },
    async read() {
      const raw = await withTimeout(redis.client.hGetAll(key));
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
  };
}
