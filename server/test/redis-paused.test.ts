/**
 * A node whose Redis stops answering (as under SIGSTOP: the connection stays open, nothing comes
 * back) keeps serving its visitors: limits fall back to memory, the bot turn runs without the
 * cross-node lock, and the node's own pushes are not held back; when Redis answers again the node
 * uses it again without a restart (and a lock it took late, on waking, does not hold the next turn
 * back). Needs TEST_REDIS_URL and TEST_DATABASE_URL (a node with Redis runs on PostgreSQL, never on the SQLite
 * file); a relay in front of Redis does the pausing.
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { openRedis } from '../src/cluster/redis-connection.ts';
import { createLogger } from '../src/logger.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { closeClients, connectVisitor, ok, recorder, startServer, visitorCall } from './support/test-server.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;

/** A loopback relay that can stop forwarding in both directions while keeping every connection open. */
async function startPausableRelay(url: string) {
  const target = new URL(url);
  const pairs: [Socket, Socket][] = [];
  let paused = false;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) s.on('error', () => (client.destroy(), upstream.destroy()));
    client.pipe(upstream).pipe(client);
    pairs.push([client, upstream]);
    if (paused) (client.pause(), upstream.pause());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as { port: number }).port);
  return {
    url: relayed.toString(),
    pause() {
      paused = true;
      for (const [c, u] of pairs) (c.pause(), u.pause());
    },
    resume() {
      paused = false;
      for (const [c, u] of pairs) (c.resume(), u.resume());
    },
    close() {
      for (const [c, u] of pairs) (c.destroy(), u.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!redisUrl || !databaseUrl)('a node whose Redis stops answering (needs TEST_REDIS_URL and TEST_DATABASE_URL)', () => {
  const redisPrefix = `kefu-test:${randomBytes(6).toString('hex')}:`;
  let relay: Awaited<ReturnType<typeof startPausableRelay>>;
  let server: KefuServer;
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!);
    relay = await startPausableRelay(redisUrl!);
    server = await startServer({ databaseUrl: schema.url, redisUrl: relay.url, redisPrefix, transports: ['websocket'] });
  });
  afterAll(async () => {
    relay?.resume();
    await server?.close();
    await relay?.close();
    await schema?.drop();
    const redis = await openRedis(redisUrl!, redisPrefix, createLogger('silent'));
    for await (const key of redis.client.scanIterator({ MATCH: `${redisPrefix}*` })) await redis.client.del(key);
    await redis.close();
  });
  afterEach(closeClients);

  it('answers its visitor while Redis is paused, and counts in Redis again once it is back', async () => {
    const v = connectVisitor(server.url);
    const messages = recorder<Message>(v, 'message');
    ok(await visitorCall(v, 'hello', { lang: 'zh-CN' }));
    relay.pause();
    const started = Date.now();
    const asked = ok(await visitorCall(v, 'send', { clientId: 'p1', text: '客服热线是多少？' })).message;
    const answer = await messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    expect(answer.text).toContain('400-XXX-XXXX');
    // Limits, lock and push each wait at most a fraction of a second for Redis.
    expect(Date.now() - started).toBeLessThan(4000);

    relay.resume();
    const redis = await openRedis(redisUrl!, redisPrefix, createLogger('silent'));
    try {
      const counted = async () => Number((await redis.client.hGet(`${redisPrefix}metrics:bot_decisions`, 'answer')) ?? 0);
      const before = await counted();
      const again = ok(await visitorCall(v, 'send', { clientId: 'p2', text: '客服热线是多少？' })).message;
      await messages.next((m) => m.author === 'bot' && m.seq > again.seq);
      await new Promise((r) => setTimeout(r, 300));
      expect(await counted()).toBeGreaterThan(before);
    } finally {
      await redis.close();
    }
  }, 20_000);
});
