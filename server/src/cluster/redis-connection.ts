/**
 * The Redis connections one node keeps: one for Socket.IO's streams adapter (its commands wait in
 * the client's offline queue during an outage, so broadcasts are delivered late rather than lost
 * while the node is up) and one for limits, locks and counters (its commands fail at once when
 * Redis is away, so callers fall back to process-local behaviour instead of hanging).
 */
import { createClient } from 'redis';
import type { Logger } from '../logger.ts';
import { withTimeout } from './redis-timeout.ts';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnection {
  /** Every key this node writes starts with it (KEFU_REDIS_PREFIX; tests use one per run). */
  prefix: string;
  /** For the Socket.IO adapter; waits through outages. */
  adapterClient: RedisClient;
  /** For limits, locks and counters; fails fast while Redis is away. */
  client: RedisClient;
  close(): Promise<void>;
}

/** Reconnects for ever, 100 ms more per attempt up to 2 s, jittered so that nodes do not reconnect in step. */
function reconnectDelay(retries: number): number {
  return Math.min(100 * (retries + 1), 2000) + Math.floor(Math.random() * 200);
}

function open(url: string, name: string, log: Logger, failFast: boolean): RedisClient {
  const client = createClient({
    url,
    name: `kefu-${name}`,
    disableOfflineQueue: failFast,
    socket: { connectTimeout: 3000, reconnectStrategy: reconnectDelay },
  });
  // Without a listener an 'error' event would end the process; one line per outage is enough.
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    log.warn(`Redis (${name}) unreachable, retrying: ${err instanceof Error ? err.message : String(err)}`);
  });
  client.on('ready', () => {
    if (down) log.info(`Redis (${name}) reachable again`);
    down = false;
  });
  return client;
}

/** Connects both clients; a node does not start while Redis cannot be reached. */
export async function openRedis(url: string, prefix: string, log: Logger): Promise<RedisConnection> {
  const adapterClient = open(url, 'adapter', log, false);
  const client = open(url, 'shared', log, true);
  const connect = async (c: RedisClient) => {
    try {
      await withTimeout(c.connect(), 5000);
    } catch (err) {
      await c.disconnect().catch(() => undefined);
      throw err;
    }
  };
  try {
    await Promise.all([connect(adapterClient), connect(client)]);
  } catch (err) {
    await Promise.all([adapterClient, client].map((c) => (c.isOpen ? c.disconnect().catch(() => undefined) : undefined)));
    throw new Error(`REDIS_URL: cannot reach Redis (${err instanceof Error ? err.message : String(err)})`);
  }
  return {
    prefix,
    adapterClient,
    client,
    async close() {
      // disconnect() rather than quit(): quit waits for Redis, which may be the thing that is down.
      await Promise.all([adapterClient, client].map((c) => (c.isOpen ? c.disconnect().catch(() => undefined) : undefined)));
    },
  };
}
