/** Where a request for a human goes: an agent of the department at once, the queue, or "away" with a way to leave a message. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, VisitorConversation } from '@kefu/shared';
import { createKefuServer, type KefuServer } from '../src/index.ts';
import {
  ADMIN,
  FIXTURE_KB,
  TEST_LIMITS,
  agentCall,
  agentOnDuty,
  closeClients,
  connectAgent,
  connectVisitor,
  login,
  ok,
  recorder,
  startServer,
  tempDir,
  visitorCall,
} from './support/test-server.ts';
import { spawnServer, type SpawnedServer } from './support/spawn-server.ts';

const servers: KefuServer[] = [];
const spawned: SpawnedServer[] = [];
afterEach(closeClients);
afterAll(async () => {
  await Promise.all([...servers.map((s) => s.close()), ...spawned.map((s) => s.stop())]);
});

async function serve(...args: Parameters<typeof createKefuServer>): Promise<KefuServer> {
  const server = await createKefuServer(...args);
  servers.push(server);
  return server;
}

async function visitor(server: { url: string }, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const conversations = recorder<VisitorConversation>(socket, 'conversation');
  const hello = ok(await visitorCall(socket, 'hello', { lang }));
  const ask = async (text: string): Promise<Message> => {
    const sent = ok(await visitorCall(socket, 'send', { clientId: `q-${Math.random().toString(36).slice(2)}`, text })).message;
    return messages.next((m) => m.author !== 'visitor' && m.seq > sent.seq);
  };
  return { socket, messages, conversations, hello, id: hello.conversation.id, ask };
}

/** The admin invites an agent into `department`; the agent accepts, and their console is open. */
async function teammate(server: KefuServer, adminCookie: string, email: string, department: string) {
  const invited = await fetch(`${server.url}/api/team/invites`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role: 'agent', department }),
  });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const name = `客服${email.slice(0, 2)}`;
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const id = ((await accepted.clone().json()) as { agent: { id: string } }).agent.id;
  const socket = connectAgent(server.url, cookie);
  const conversations = recorder<ConversationSummary>(socket, 'conversation');
  ok(await agentCall(socket, 'hello', {}));
  const presence = (value: 'online' | 'away' | 'offline') =>
    fetch(`${server.url}/api/team/me/presence`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ presence: value }) });
  return { id, name, cookie, socket, conversations, presence };
}

describe('routing inside service hours', () => {
  let server: KefuServer;
  let adminCookie: string;
  beforeAll(async () => {
    server = await startServer();
    servers.push(server);
    adminCookie = await login(server.url);
  });

  it('gives the conversation at once to an online member of its department, and queues once they are full', async () => {
    const b = await teammate(server, adminCookie, 'bo@team.test', 'billing');
    const set = await fetch(`${server.url}/api/team/agents/${b.id}`, {
      method: 'PATCH',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ capacity: 1 }),
    });
    expect(set.status).toBe(200);

    const v = await visitor(server);
    expect(v.hello.availability).toEqual({ open: true });
    expect((await v.ask('怎么开发票？')).meta?.entryId).toBe('invoice');
    const res = ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    expect(res.conversation).toMatchObject({ state: 'assigned', agentName: b.name });
    const notice = await v.messages.next((m) => m.meta?.notice === 'assigned');
    expect(notice.meta?.params).toEqual({ agentName: b.name });
    // B's console lists it without having touched the queue.
    const listed = await b.conversations.next((c) => c.id === v.id);
    expect(listed).toMatchObject({ state: 'assigned', assignedAgentId: b.id, department: 'billing', lastMessage: '怎么开发票？' });
    const transcript = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 })).messages;
    expect(transcript.some((m) => m.meta?.notice === 'queued')).toBe(false);

    // B is at capacity: the next billing visitor waits in the queue.
    const w = await visitor(server);
    await w.ask('怎么开发票？');
    const queued = ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1' }));
    expect(queued.conversation).toMatchObject({ state: 'queued', queuePosition: 1 });
  });

  it('routes a tap on 转人工客服 made before the bot has answered by the question just asked', async () => {
    // Its own process, with every bot turn held back 300 ms (test-only, see schedule-bot-turn.ts): the tap always
    // comes while the answer that sets the conversation's department is still waiting.
    const own = await spawnServer(tempDir(), { KEFU_TEST_BOT_TURN_DELAY_MS: '300', KEFU_SERVICE_HOURS: '24/7', KEFU_ADMIN_EMAIL: ADMIN.email, KEFU_ADMIN_PASSWORD: ADMIN.password });
    spawned.push(own);
    const admin = await agentOnDuty(own.url);
    const queue = recorder<ConversationSummary[]>(admin, 'queue');
    const v = await visitor(own);
    // The question is on screen (its send is acknowledged); the tap follows at once.
    const sent = ok(await visitorCall(v.socket, 'send', { clientId: 'q1', text: '怎么开发票？' })).message;
    const res = ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    expect(res.conversation.state).toBe('queued');
    // The bot's answer still comes first, then the queue notice.
    const answer = await v.messages.next((m) => m.author === 'bot' && m.seq > sent.seq);
    expect(answer.meta?.entryId).toBe('invoice');
    const notice = await v.messages.next((m) => m.meta?.notice === 'queued');
    expect(notice.seq).toBeGreaterThan(answer.seq);
    const listed = await queue.next((list) => list.some((c) => c.id === v.id));
    expect(listed.find((c) => c.id === v.id)).toMatchObject({ department: 'billing' });
  });

  it('queues while the department\'s members are away, and offers a message when none of them is present', async () => {
    const own = await startServer();
    servers.push(own);
    const ownAdmin = await login(own.url);
    const c = await teammate(own, ownAdmin, 'cy@team.test', 'billing');
    expect((await c.presence('away')).status).toBe(200);
    const v = await visitor(own);
    await v.ask('怎么开发票？');
    expect(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' })).conversation).toMatchObject({ state: 'queued' });
    // The admin's console is open, but billing is served by its members, and none of them is present.
    const admin = await agentOnDuty(own.url);
    ok(await agentCall(admin, 'close', { conversationId: v.id }));
    expect((await c.presence('offline')).status).toBe(200);
    const w = await visitor(own);
    await w.ask('怎么开发票？');
    expect(ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('bot');
    const offer = await w.messages.next((m) => m.meta?.offerMessage === true);
    expect(offer.meta?.suggestions?.map((s) => s.id)).toEqual(['leave-message']);
  });

  it('tells the visitor nobody is there, without a queue place, and the offered message becomes a ticket', async () => {
    const lonely = await startServer();
    servers.push(lonely);
    const v = await visitor(lonely);
    // Inside the hours, but nobody is present: the header must not promise agents.
    expect(v.hello.availability).toEqual({ open: false });
    const res = ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    expect(res.conversation.state).toBe('bot');
    const offer = await v.messages.next((m) => m.author === 'bot' && m.meta?.offerMessage === true);
    expect(offer.text).toContain('留言');
    const leave = offer.meta?.suggestions?.[0];
    expect(leave).toMatchObject({ id: 'leave-message' });
    const agent = await agentOnDuty(lonely.url);
    expect(ok(await agentCall(agent, 'hello', {})).queue).toEqual([]);

    // Tapping it runs the knowledge base's leave-a-message flow.
    const tapped = ok(await visitorCall(v.socket, 'send', { clientId: 't1', text: leave!.question, entryId: leave!.id })).message;
    const prompt = await v.messages.next((m) => m.author === 'bot' && m.seq > tapped.seq && /联系方式|手机号|邮箱/.test(m.text));
    const contact = ok(await visitorCall(v.socket, 'send', { clientId: 't2', text: 'someone@example.com' })).message;
    await v.messages.next((m) => m.author === 'bot' && m.seq > contact.seq && m.seq > prompt.seq);
    const problem = ok(await visitorCall(v.socket, 'send', { clientId: 't3', text: '打印机连不上网' })).message;
    const created = await v.messages.next((m) => m.author === 'bot' && m.seq > problem.seq && /T\d{8}-\d{4}/.test(m.text));
    // The confirmation names the tier proposed from the words and the response the SLA table promises for it.
    expect(created.text).toMatch(/^已为您生成工单 T\d{8}-\d{4}，问题等级：一般，2 小时内响应。$/);
    const number = /T\d{8}-\d{4}/.exec(created.text)![0];
    const cookie = await login(lonely.url);
    const detail = (await (await fetch(`${lonely.url}/api/tickets/${number}`, { headers: { cookie } })).json()) as { ticket: unknown };
    expect(detail.ticket).toMatchObject({ status: 'open', tier: 'normal', description: '打印机连不上网', requester: { email: 'someone@example.com' } });
  });
});

describe('routing outside service hours', () => {
  it('says when humans are back (in the header too) and offers a message instead of the queue', async () => {
    // Monday 2026-11-30, 06:20 in Shanghai: the seeds' hours start at 09:00.
    const now = Date.parse('2026-11-29T22:20:00Z');
    const weekday = [{ from: '09:00', to: '21:00' }];
    const server = await serve(
      {
        port: 0,
        dataDir: tempDir(),
        kbDir: FIXTURE_KB,
        logLevel: 'silent',
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
        limits: TEST_LIMITS,
        timeZone: 'Asia/Shanghai',
        serviceHours: { default: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
      },
      { now: () => now },
    );
    await agentOnDuty(server.url);
    const en = await visitor(server, 'en');
    expect(en.hello.availability).toEqual({ open: false, opensAt: Date.parse('2026-11-30T01:00:00Z') });
    ok(await visitorCall(en.socket, 'handoff', { clientId: 'h1' }));
    const offer = await en.messages.next((m) => m.meta?.offerMessage === true);
    expect(offer.text).toMatch(/09:00/);
    expect(offer.text).not.toMatch(/\p{Script=Han}/u);
    expect(offer.meta?.suggestions?.[0]?.question).toMatch(/leave a message/i);
    const zh = await visitor(server);
    ok(await visitorCall(zh.socket, 'send', { clientId: 'h1', text: '转人工客服' }));
    const zhOffer = await zh.messages.next((m) => m.meta?.offerMessage === true);
    expect(zhOffer.text).toMatch(/09:00 上线/);
    // Nobody waits in a queue no one serves.
    const agent = connectAgent(server.url, await login(server.url));
    expect(ok(await agentCall(agent, 'hello', {})).queue).toEqual([]);
  });
});
