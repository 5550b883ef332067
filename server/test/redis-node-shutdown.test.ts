/**
 * Stopping one of two nodes (PostgreSQL at TEST_DATABASE_URL, Redis at TEST_REDIS_URL): its clients
 * see their transport close (so Socket.IO's jittered reconnection takes them elsewhere) while the
 * other node's clients, reached through the same Redis adapter, stay connected and served.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { openRedis } from '../src/cluster/redis-connection.ts';
import { createLogger } from '../src/logger.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { closeClients, connectVisitor, ok, recorder, sleep, startServer, visitorCall } from './support/test-server.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!databaseUrl || !redisUrl)('stopping one of two nodes (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const redisPrefix = `kefu-test:${randomBytes(6).toString('hex')}:`;
  let schema: TestSchema;
  let a: KefuServer;
  let b: KefuServer;
  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!);
    const node = { databaseUrl: schema.url, redisUrl, redisPrefix, sticky: true };
    a = await startServer(node);
    b = await startServer(node);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema?.drop();
    const redis = await openRedis(redisUrl!, redisPrefix, createLogger('silent'));
    for await (const key of redis.client.scanIterator({ MATCH: `${redisPrefix}*` })) await redis.client.del(key);
    await redis.close();
  });
  afterEach(closeClients);

  it("closes only the stopping node's connections, as a transport loss the clients reconnect from", async () => {
    const onA = connectVisitor(a.url);
    const onB = connectVisitor(b.url);
    ok(await visitorCall(onA, 'hello', { lang: 'zh-CN' }));
    ok(await visitorCall(onB, 'hello', { lang: 'zh-CN' }));
    const reason = new Promise<string>((resolve) => onA.once('disconnect', resolve));
    await a.close();
    expect(await reason).toBe('transport close');
    await sleep(300);
    expect(onB.connected).toBe(true);
    const messages = recorder<Message>(onB, 'message');
    const asked = ok(await visitorCall(onB, 'send', { clientId: 's1', text: '客服热线是多少？' })).message;
    expect((await messages.next((m) => m.author === 'bot' && m.seq > asked.seq)).text).toContain('400-XXX-XXXX');
  });
});
