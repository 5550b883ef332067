/** One-time claims across nodes: the first node to claim a name gets it for `ttlMs`. */
import type { RedisConnection } from './redis-connection.ts';
import { withTimeout } from './redis-timeout.ts';

export type Claim = (name: string, ttlMs: number) => Promise<boolean>;

/**
 * SET NX PX. When Redis cannot answer the claim is granted: the caller's work must then be safe to
 * repeat (resumed bot turns re-check in the database that they are still pending).
 */
export function redisClaim(redis: RedisConnection): Claim {
  return async (name, ttlMs) => {
    try {
      return (await withTimeout(redis.client.set(`${redis.prefix}claim:${name}`, process.pid.toString(), { NX: true, PX: ttlMs }))) === 'OK';
    } catch {
      return true;
    }
  };
}

/** One process: every claim is granted. */
export const localClaim: Claim = async () => true;
