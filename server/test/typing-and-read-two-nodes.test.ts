/**
 * Typing and read marks across two real nodes (PostgreSQL schema + Redis prefix, as behind a load
 * balancer): the visitor on node A sees the agent on node B typing and reading, and a visitor who
 * reconnects to node A after a mark made on node B hears it after hello.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReadMark, TypingSignal } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { openRedis } from '../src/cluster/redis-connection.ts';
import { createLogger } from '../src/logger.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, visitorCall } from './support/test-server.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!databaseUrl || !redisUrl)('typing and read on two nodes (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const redisPrefix = `kefu-test:${randomBytes(6).toString('hex')}:`;
  let schema: TestSchema;
  let a: KefuServer;
  let b: KefuServer;
  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!);
    const node = { databaseUrl: schema.url, redisPrefix, redisUrl, transports: ['websocket' as const] };
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

  it('the agent on node B types and reads; the visitor on node A sees both, and hears the mark again after a hello on A', async () => {
    const cookie = await login(b.url);
    const presence = await fetch(`${b.url}/api/team/me/presence`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ presence: 'online' }),
    });
    expect(presence.status).toBe(200);
    const agent = connectAgent(b.url, cookie);
    const agentTyping = recorder<TypingSignal>(agent, 'typing');
    ok(await agentCall(agent, 'hello', {}));

    const visitor = connectVisitor(a.url);
    const typing = recorder<TypingSignal>(visitor, 'typing');
    const reads = recorder<ReadMark>(visitor, 'read');
    const hello = ok(await visitorCall(visitor, 'hello', { lang: 'zh-CN' }));
    const conversationId = hello.conversation.id;
    ok(await visitorCall(visitor, 'handoff', { clientId: 'h1' }));
    const accepted = await agentCall(agent, 'accept', { conversationId });
    const detail = accepted.ok ? accepted.data : ok(await agentCall(agent, 'open', { conversationId }));
    expect(detail.conversation.state).toBe('assigned');

    ok(await visitorCall(visitor, 'typing', { conversationId, typing: true }));
    expect(await agentTyping.next()).toEqual({ conversationId, typing: true });
    ok(await agentCall(agent, 'typing', { conversationId, typing: true }));
    expect(await typing.next()).toEqual({ conversationId, typing: true });
    const seq = detail.conversation.lastSeq;
    ok(await agentCall(agent, 'read', { conversationId, seq }));
    expect(await reads.next()).toEqual({ conversationId, seq });

    // A reload whose hello lands on node A, which never handled the read itself.
    const again = connectVisitor(a.url);
    const againReads = recorder<ReadMark>(again, 'read');
    ok(await visitorCall(again, 'hello', { lang: 'zh-CN', token: hello.token }));
    expect(await againReads.next()).toEqual({ conversationId, seq });
  });
});
