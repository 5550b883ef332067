/**
 * A command the Socket.IO adapter dropped, in flight when the connection to Redis closes, must not
 * end the process (needs TEST_REDIS_URL; CLIENT KILL closes the connection as a Redis restart does).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { withHandledCommands } from './socket-adapter.ts';
import type { RedisClient } from './redis-connection.ts';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('the client the adapter is given (needs TEST_REDIS_URL)', () => {
  const clients: RedisClient[] = [];
  const open = async () => {
    const c: RedisClient = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
    c.on('error', () => undefined);
    clients.push(c);
    await c.connect();
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.isOpen) await c.disconnect().catch(() => undefined);
  });

  /** Starts a command that blocks, drops its promise, closes its connection; returns the rejections nobody handled. */
  async function dropOneInFlight(wrap: (c: RedisClient) => RedisClient) {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    // Vitest's own listener would fail the run; this test counts instead.
    const theirs = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', onUnhandled);
    try {
      const client = await open();
      const killer = await open();
      const id = await client.clientId();
      void wrap(client).sendCommand(['BLPOP', `kefu-test:never:${id}`, '5']);
      await killer.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      for (const l of theirs) process.on('unhandledRejection', l);
    }
    return unhandled;
  }

  it('the bare client leaves a dropped command to reject unhandled (what ended a node when Redis restarted)', async () => {
    const unhandled = await dropOneInFlight((c) => c);
    expect(unhandled).toHaveLength(1);
    expect(String(unhandled[0])).toMatch(/closed/i);
  });

  it('the wrapped client handles it, and an awaited command still sees the error', async () => {
    expect(await dropOneInFlight(withHandledCommands)).toEqual([]);
    const client = await open();
    const killer = await open();
    const id = await client.clientId();
    const blocked = withHandledCommands(client).sendCommand(['BLPOP', `kefu-test:never:${id}`, '5']);
    await killer.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]);
    await expect(blocked).rejects.toThrow(/closed/i);
  });
});
