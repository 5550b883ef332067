/**
 * Two real Kefu nodes in one process on one PostgreSQL schema (TEST_DATABASE_URL) and one Redis key
 * prefix (TEST_REDIS_URL), as two nodes behind a load balancer would be: a visitor on node A and an
 * agent on node B chat both ways; a raced accept has one winner; a sign-out on A ends the agent's
 * socket on B; a presence chosen on A reaches the admin's team page on B; sign-in limits and /metrics
 * count across nodes; and node A rides out a cut to Redis
 * and delivers, once Redis is back, what node B sent meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, TeamAgent, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { openRedis } from '../src/cluster/redis-connection.ts';
import { createLogger } from '../src/logger.ts';
import { startTestProxy, type TestProxy } from '../src/storage/postgres/postgres-test-proxy.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { ADMIN, agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, sleep, startServer, visitorCall } from './support/test-server.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!databaseUrl || !redisUrl)('two nodes on PostgreSQL and Redis (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const redisPrefix = `kefu-test:${randomBytes(6).toString('hex')}:`;
  let schema: TestSchema;
  let relay: TestProxy;
  let a: KefuServer;
  let b: KefuServer;
  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!);
    // Node A reaches Redis through a relay the last test cuts.
    relay = await startTestProxy(redisUrl!);
    const node = { databaseUrl: schema.url, redisPrefix, transports: ['websocket' as const] };
    a = await startServer({ ...node, redisUrl: relay.url });
    b = await startServer({ ...node, redisUrl });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await relay?.close();
    await schema?.drop();
    const redis = await openRedis(redisUrl!, redisPrefix, createLogger('silent'));
    for await (const key of redis.client.scanIterator({ MATCH: `${redisPrefix}*` })) await redis.client.del(key);
    await redis.close();
  });
  afterEach(closeClients);

  async function visitor(server: KefuServer) {
    const socket = connectVisitor(server.url);
    const messages = recorder<Message>(socket, 'message');
    const conversations = recorder<VisitorConversation>(socket, 'conversation');
    const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
    return { socket, messages, conversations, hello };
  }

  async function agent(server: KefuServer, cookie?: string) {
    const socket = connectAgent(server.url, cookie ?? (await login(server.url)));
    const queue = recorder<ConversationSummary[]>(socket, 'queue');
    const messages = recorder<Message>(socket, 'message');
    const hello = ok(await agentCall(socket, 'hello', {}));
    return { socket, queue, messages, hello };
  }

  /** A visitor on `server` who asked for a human and is queued. */
  async function queuedVisitor(server: KefuServer) {
    const v = await visitor(server);
    ok(await visitorCall(v.socket, 'handoff', { clientId: `h-${randomBytes(4).toString('hex')}` }));
    await v.conversations.next((c) => c.state === 'queued');
    return v;
  }

  it('lets a visitor on node A and an agent on node B chat both ways', async () => {
    const ag = await agent(b);
    const v = await queuedVisitor(a);
    const id = v.hello.conversation.id;
    // The queue broadcast from node A reaches the agent on node B.
    await ag.queue.next((q) => q.some((c) => c.id === id));
    ok(await agentCall(ag.socket, 'accept', { conversationId: id }));
    expect((await v.conversations.next((c) => c.state === 'assigned')).agentName).toBe('Admin');

    const reply = ok(await agentCall(ag.socket, 'send', { conversationId: id, clientId: 'b1', text: '您好，这里是节点 B。' })).message;
    expect(await v.messages.next((m) => m.author === 'agent')).toMatchObject({ text: '您好，这里是节点 B。', seq: reply.seq });
    const question = ok(await visitorCall(v.socket, 'send', { clientId: 'a1', text: '收到，谢谢' })).message;
    expect((await ag.messages.next((m) => m.id === 'a1')).seq).toBe(question.seq);
  });

  it('gives a conversation to exactly one of two agents on different nodes accepting at once', async () => {
    const [onA, onB] = [await agent(a), await agent(b)];
    const v = await queuedVisitor(a);
    const id = v.hello.conversation.id;
    await Promise.all([onA.queue.next((q) => q.some((c) => c.id === id)), onB.queue.next((q) => q.some((c) => c.id === id))]);
    const accepts = await Promise.all([agentCall(onA.socket, 'accept', { conversationId: id }), agentCall(onB.socket, 'accept', { conversationId: id })]);
    expect(accepts.filter((r) => r.ok)).toHaveLength(1);
    expect(accepts.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['conflict']);
  });

  it('ends the agent socket on node B when its session signs out on node A', async () => {
    const cookie = await login(a.url);
    const other = await agent(b);
    const ag = await agent(b, cookie);
    const gone = new Promise<string>((resolve) => ag.socket.once('disconnect', resolve));
    const res = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(await Promise.race([gone, sleep(3000).then(() => 'still connected')])).toBe('io server disconnect');
    // Another session's socket on the same node stays.
    await sleep(200);
    expect(other.socket.connected).toBe(true);
  });

  it("carries a colleague's presence, chosen on node A, to the admin's team page on node B", async () => {
    const cookie = await login(a.url);
    const invited = await fetch(`${a.url}/api/team/invites`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'live@kefu.test', role: 'agent' }) });
    const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').pop();
    const joined = await fetch(`${a.url}/api/team/invites/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Live', password: 'a long enough password' }) });
    const { agent: live } = (await joined.json()) as { agent: { id: string } };
    const admin = await agent(b);
    const rows = recorder<TeamAgent>(admin.socket, 'teamAgent');
    const liveCookie = joined.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const chose = await fetch(`${a.url}/api/team/me/presence`, { method: 'PUT', headers: { cookie: liveCookie, 'content-type': 'application/json' }, body: JSON.stringify({ presence: 'away' }) });
    expect(chose.status).toBe(200);
    expect(await rows.next((r) => r.id === live.id && r.presence === 'away')).toMatchObject({ email: 'live@kefu.test', role: 'agent' });
  });

  it('counts failed sign-ins across both nodes: the sixth wrong password is refused wherever it lands', async () => {
    const attempt = (server: KefuServer) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@kefu.test', password: 'wrong password' }),
      }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt(i % 2 ? a : b));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await attempt(a)).toBe(429);
    // The admin's own sign-in from the same address is a different counter.
    expect((await fetch(`${a.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).status).toBe(200);
  });

  it("shows the bot's decisions of every node on any node's /metrics", async () => {
    const decisions = async (server: KefuServer) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toContain('Bot decisions on all nodes');
      return Number(/kefu_bot_decisions_total\{decision="answer"\} (\d+)/.exec(text)?.[1]);
    };
    const before = await decisions(b);
    const v = await visitor(a);
    const asked = ok(await visitorCall(v.socket, 'send', { clientId: 'm1', text: '客服热线是多少？' })).message;
    await v.messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    await sleep(200);
    expect(await decisions(b)).toBe(before + 1);
    expect(await decisions(a)).toBe(before + 1);
  });

  it('keeps node A serving while its Redis is cut, and delivers what node B sent meanwhile once Redis is back', async () => {
    const ag = await agent(b);
    const v = await queuedVisitor(a);
    const id = v.hello.conversation.id;
    await ag.queue.next((q) => q.some((c) => c.id === id));
    ok(await agentCall(ag.socket, 'accept', { conversationId: id }));
    await v.conversations.next((c) => c.state === 'assigned');

    await relay.cut();
    // Node A still takes and stores its visitor's messages (and rate-limits them in memory).
    const during = ok(await visitorCall(v.socket, 'send', { clientId: 'cut-1', text: '还在吗？' })).message;
    const sent = ok(await agentCall(ag.socket, 'send', { conversationId: id, clientId: 'cut-b', text: '在的，请稍等。' })).message;
    await sleep(1000);
    await relay.restore();
    // Without a restart: the entry node B wrote while node A could not read reaches the visitor, and new traffic flows again.
    expect(await v.messages.next((m) => m.id === 'cut-b')).toMatchObject({ seq: sent.seq });
    expect((await ag.messages.next((m) => m.id === 'cut-1')).seq).toBe(during.seq);
    const after = ok(await agentCall(ag.socket, 'send', { conversationId: id, clientId: 'after-b', text: '好了。' })).message;
    expect((await v.messages.next((m) => m.id === 'after-b')).seq).toBe(after.seq);
  }, 20_000);
});
