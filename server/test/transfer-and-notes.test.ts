/**
 * Transfer, internal notes and the supervisor's live list on a real server (SQLite, sockets on 127.0.0.1):
 * B (billing) transfers a visitor to C (complaints) with a note; the visitor is told and never sees a note
 * on any path (pushes, hello replay, sync, history); C opens transcript and notes; plain agents cannot
 * assign or list, a supervisor can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentRole, ConversationSummary, InternalNote, Message, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import {
  agentCall,
  closeClients,
  connectAgent,
  connectVisitor,
  login,
  ok,
  recorder,
  startServer,
  visitorCall,
  type AgentClient,
} from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;
const pgUrl = process.env.TEST_DATABASE_URL;

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: adminCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Invited by the admin into `department` with `role`; signed in with an open console (hello said). */
async function member(email: string, role: AgentRole, department?: string) {
  const invited = await admin('POST', '/api/team/invites', { email, role, ...(department ? { department } : {}) });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const name = email.split('@')[0]!.toUpperCase();
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const id = ((await accepted.json()) as { agent: { id: string } }).agent.id;
  const socket = connectAgent(server.url, cookie);
  const conversations = recorder<ConversationSummary>(socket, 'conversation');
  const notes = recorder<InternalNote>(socket, 'note');
  ok(await agentCall(socket, 'hello', {}));
  const presence = async (value: 'online' | 'away' | 'offline') => {
    const res = await fetch(`${server.url}/api/team/me/presence`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ presence: value }) });
    expect(res.status).toBe(200);
  };
  await presence('online');
  return { id, name, cookie, socket, conversations, notes, presence };
}

async function visitor() {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const conversations = recorder<VisitorConversation>(socket, 'conversation');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
  const say = async (clientId: string, text: string) => ok(await visitorCall(socket, 'send', { clientId, text })).message;
  return { socket, messages, conversations, hello, id: hello.conversation.id, token: hello.token, say };
}

const error = async (socket: AgentClient, event: Parameters<typeof agentCall>[1], payload: unknown) => {
  const res = await agentCall(socket, event, payload);
  return res.ok ? 'ok' : res.error.code;
};

/** The same journeys on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (assignments are atomic on both). */
for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`transfer and internal notes (${database})`, { timeout: 60_000 }, () => {
  let schema: TestSchema | undefined;
  beforeAll(async () => {
    if (database === 'postgres') schema = await createTestSchema(pgUrl!);
    server = await startServer(schema ? { databaseUrl: schema.url } : {});
    adminCookie = await login(server.url);
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
    await schema?.drop();
  });

  const NOTE_BY_B = '老客户，上次也是发票问题';
  const TRANSFER_NOTE = '客户要投诉开票慢，请跟进';

  it('B transfers to C with a note: the visitor is told and never sees a note; C sees transcript and notes', async () => {
    const b = await member('bee@team.test', 'agent', 'billing');
    const c = await member('cee@team.test', 'agent', 'complaints');
    const off = await member('off@team.test', 'agent', 'complaints');
    await off.presence('offline');
    const gone = await member('gone@team.test', 'agent', 'complaints');
    expect((await admin('PATCH', `/api/team/agents/${gone.id}`, { disabled: true })).status).toBe(200);

    const v = await visitor();
    await v.say('q1', '怎么开发票？');
    await v.messages.next((m) => m.author === 'bot');
    expect(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' })).conversation).toMatchObject({ state: 'assigned', agentName: b.name });
    await b.conversations.next((conv) => conv.id === v.id && conv.assignedAgentId === b.id);
    await v.say('q2', '发票抬头开错了，等了一周');
    ok(await agentCall(b.socket, 'send', { conversationId: v.id, clientId: 'r1', text: '您好，我来看一下' }));

    // A note goes to the agents watching, and is idempotent per client id.
    const noted = ok(await agentCall(b.socket, 'note', { conversationId: v.id, clientId: 'n1', text: NOTE_BY_B })).note;
    expect(noted).toMatchObject({ conversationId: v.id, agentId: b.id, authorName: b.name, text: NOTE_BY_B });
    expect((await b.notes.next((n) => n.id === noted.id)).text).toBe(NOTE_BY_B);
    expect(ok(await agentCall(b.socket, 'note', { conversationId: v.id, clientId: 'n1', text: NOTE_BY_B })).note.id).toBe(noted.id);

    // Only the assigned agent (or a supervisor / admin) acts on it.
    expect(await error(c.socket, 'transfer', { conversationId: v.id, to: { agentId: c.id } })).toBe('forbidden');
    expect(await error(c.socket, 'note', { conversationId: v.id, clientId: 'x1', text: 'sneaky' })).toBe('forbidden');

    // Bad payloads and unavailable receivers change nothing.
    for (const bad of [
      { conversationId: v.id },
      { conversationId: v.id, to: {} },
      { conversationId: v.id, to: 'cee' },
      { conversationId: v.id, to: { agentId: c.id }, note: 'x'.repeat(5000) },
      { conversationId: v.id, to: { department: '../etc' } },
      [v.id, c.id],
    ]) expect(await error(b.socket, 'transfer', bad)).toBe('bad_request');
    for (const bad of [{ conversationId: v.id, clientId: 'n2', text: '   ' }, { conversationId: v.id, clientId: 'bad id', text: 'x' }, { conversationId: v.id, text: 'x' }]) {
      expect(await error(b.socket, 'note', bad)).toBe('bad_request');
    }
    const refusedOffline = await agentCall(b.socket, 'transfer', { conversationId: v.id, to: { agentId: off.id } });
    expect(refusedOffline.ok ? 'ok' : `${refusedOffline.error.code}: ${refusedOffline.error.message}`).toMatch(/^conflict: .*offline/);
    const refusedDisabled = await agentCall(b.socket, 'transfer', { conversationId: v.id, to: { agentId: gone.id } });
    expect(refusedDisabled.ok ? 'ok' : `${refusedDisabled.error.code}: ${refusedDisabled.error.message}`).toMatch(/^conflict: .*disabled/);
    expect(await error(b.socket, 'transfer', { conversationId: v.id, to: { agentId: 'no-such-agent' } })).toBe('not_found');
    expect(await error(b.socket, 'transfer', { conversationId: v.id, to: { department: 'no-such-dept' } })).toBe('not_found');
    expect(await error(b.socket, 'transfer', { conversationId: v.id, to: { agentId: b.id } })).toBe('conflict');
    expect(ok(await agentCall(c.socket, 'open', { conversationId: v.id })).conversation.assignedAgentId).toBe(b.id);

    // Whom B can pick: enabled colleagues with presence and departments (the disabled one is not offered).
    const targets = ok(await agentCall(b.socket, 'listAgents', {})).agents;
    expect(targets.find((a) => a.id === c.id)).toMatchObject({ name: c.name, presence: 'online', departments: ['complaints'], full: false });
    expect(targets.find((a) => a.id === off.id)?.presence).toBe('offline');
    expect(targets.some((a) => a.id === gone.id)).toBe(false);

    // The transfer.
    const moved = ok(await agentCall(b.socket, 'transfer', { conversationId: v.id, to: { agentId: c.id }, note: TRANSFER_NOTE })).conversation;
    expect(moved).toMatchObject({ state: 'assigned', assignedAgentId: c.id, assignedAgentName: c.name });
    const told = await v.messages.next((m) => m.meta?.notice === 'transferred');
    expect(told.meta?.params).toEqual({ agentName: c.name });
    expect(told.text).toBe(`已为您转接给客服 ${c.name}。`);
    expect((await v.conversations.next((conv) => conv.agentName === c.name)).state).toBe('assigned');
    await c.conversations.next((conv) => conv.id === v.id && conv.assignedAgentId === c.id);
    expect((await c.notes.next((n) => n.text === TRANSFER_NOTE)).authorName).toBe(b.name);

    // C sees the whole transcript and both notes.
    const opened = ok(await agentCall(c.socket, 'open', { conversationId: v.id }));
    expect(opened.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['怎么开发票？', '发票抬头开错了，等了一周', '您好，我来看一下']));
    expect(opened.notes?.map((n) => [n.authorName, n.text])).toEqual([
      [b.name, NOTE_BY_B],
      [b.name, TRANSFER_NOTE],
    ]);
    // C now answers; B no longer may.
    ok(await agentCall(c.socket, 'send', { conversationId: v.id, clientId: 'r2', text: '我是投诉专员' }));
    expect(await error(b.socket, 'send', { conversationId: v.id, clientId: 'r3', text: 'still me?' })).toBe('forbidden');

    // The visitor never sees a note: live pushes, a fresh hello's replay, sync and history.
    const reply = await v.messages.next((m) => m.text === '我是投诉专员');
    const again = connectVisitor(server.url);
    const replay = ok(await visitorCall(again, 'hello', { token: v.token, lastSeq: 0 }));
    const synced = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 })).messages;
    const history = ok(await visitorCall(v.socket, 'history', { beforeSeq: reply.seq + 1 })).messages;
    const everything = JSON.stringify({ pushed: v.messages.seen, conversations: v.conversations.seen, replay, synced, history });
    for (const secret of [NOTE_BY_B, TRANSFER_NOTE]) expect(everything).not.toContain(secret);
    // …and its numbering has no holes where the notes were written.
    expect(synced.map((m) => m.seq)).toEqual(synced.map((_, i) => i + 1));
    expect(replay.messages.map((m) => m.seq)).toEqual(synced.map((m) => m.seq));
  });

  it('transfers to a department: its queue when nobody there has room, else a member with room; the visitor reads its name', async () => {
    expect((await admin('POST', '/api/departments', { key: 'refunds', nameZh: '退款', nameEn: 'Refunds' })).status).toBe(201);
    expect((await admin('POST', '/api/departments', { key: 'vip', nameZh: '大客户', nameEn: 'Key accounts' })).status).toBe(201);
    const e = await member('eee@team.test', 'agent', 'refunds');
    await e.presence('away');
    const h = await member('aitch@team.test', 'agent', 'vip');
    const v = await visitor();
    await v.say('q1', '怎么开发票？');
    await v.messages.next((m) => m.author === 'bot');
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    await v.conversations.next((conv) => conv.state === 'assigned');
    const boss = connectAgent(server.url, adminCookie);
    ok(await agentCall(boss, 'hello', {}));

    // Refunds' only member is away: its queue takes the visitor.
    const queued = ok(await agentCall(boss, 'transfer', { conversationId: v.id, to: { department: 'refunds' }, note: '转退款' })).conversation;
    expect(queued).toMatchObject({ state: 'queued', department: 'refunds' });
    expect(queued.assignedAgentId).toBeUndefined();
    const told = await v.messages.next((m) => m.meta?.notice === 'transferred');
    expect(told.meta?.params).toEqual({ departmentZh: '退款', departmentEn: 'Refunds' });
    expect(told.text).toBe('已为您转接至退款，请稍候。');
    expect((await v.conversations.next((conv) => conv.state === 'queued')).queuePosition).toBeGreaterThanOrEqual(1);
    await e.presence('online');
    const accepted = ok(await agentCall(e.socket, 'accept', { conversationId: v.id }));
    expect(accepted.notes?.map((n) => n.text)).toEqual(['转退款']);

    // Key accounts has H online with room: H gets it at once, with E's note.
    const moved = ok(await agentCall(e.socket, 'transfer', { conversationId: v.id, to: { department: 'vip' }, note: '大客户，优先' })).conversation;
    expect(moved).toMatchObject({ state: 'assigned', assignedAgentId: h.id, department: 'vip' });
    expect((await v.messages.next((m) => m.meta?.params?.departmentEn === 'Key accounts')).text).toBe('已为您转接至大客户，请稍候。');
    expect((await h.notes.next((n) => n.text === '大客户，优先')).authorName).toBe(e.name);
    expect(ok(await agentCall(h.socket, 'open', { conversationId: v.id })).notes?.map((n) => n.text)).toEqual(['转退款', '大客户，优先']);
  });

  it('a plain agent cannot assign or list live conversations; a supervisor lists them all, assigns and takes over', async () => {
    const f = await member('eff@team.test', 'agent', 'billing');
    const s = await member('sue@team.test', 'supervisor');
    expect(await error(f.socket, 'listLive', {})).toBe('forbidden');

    const v = await visitor();
    await v.say('q1', '怎么开发票？');
    await v.messages.next((m) => m.author === 'bot');
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    const holderName = (await v.conversations.next((conv) => conv.state === 'assigned')).agentName;
    expect(await error(f.socket, 'assign', { conversationId: v.id, agentId: f.id })).toBe('forbidden');

    const live = ok(await agentCall(s.socket, 'listLive', {})).conversations;
    const mine = live.find((conv) => conv.id === v.id);
    expect(mine).toMatchObject({ state: 'assigned', assignedAgentName: holderName, department: 'billing' });
    expect(mine!.waitMs).toBeGreaterThanOrEqual(0);
    expect(live.every((conv) => conv.state === 'queued' || conv.state === 'assigned')).toBe(true);
    // Every live conversation of the earlier tests is there too (the transferred one, the queued-then-accepted one).
    expect(live.length).toBeGreaterThanOrEqual(3);

    // Join to read and add a note without being assigned.
    const read = ok(await agentCall(s.socket, 'open', { conversationId: v.id }));
    expect(read.messages.some((m) => m.text === '怎么开发票？')).toBe(true);
    ok(await agentCall(s.socket, 'note', { conversationId: v.id, clientId: 'sn1', text: '主管已查看' }));
    expect(await error(s.socket, 'assign', { conversationId: v.id, agentId: 'nobody' })).toBe('not_found');
    expect(await error(s.socket, 'assign', { conversationId: v.id })).toBe('bad_request');

    // Assign to F (past capacity if need be), then take over.
    const target = holderName === f.name ? await member('gee@team.test', 'agent', 'billing') : f;
    const assigned = ok(await agentCall(s.socket, 'assign', { conversationId: v.id, agentId: target.id })).conversation;
    expect(assigned).toMatchObject({ state: 'assigned', assignedAgentId: target.id });
    expect((await v.messages.next((m) => m.meta?.notice === 'transferred' && m.meta.params?.agentName === target.name)).author).toBe('system');
    const taken = ok(await agentCall(s.socket, 'assign', { conversationId: v.id, agentId: s.id })).conversation;
    expect(taken).toMatchObject({ assignedAgentId: s.id, assignedAgentName: s.name });
    ok(await agentCall(s.socket, 'send', { conversationId: v.id, clientId: 'sr1', text: '主管为您处理' }));
    expect((await v.messages.next((m) => m.text === '主管为您处理')).authorName).toBe(s.name);
    expect(JSON.stringify(v.messages.seen)).not.toContain('主管已查看');

    // A queued conversation is assigned with the usual notice.
    const w = await visitor();
    ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1' }));
    const waiting = ok(await agentCall(s.socket, 'listLive', {})).conversations.find((conv) => conv.id === w.id);
    expect(waiting?.state).toBe('queued');
    ok(await agentCall(s.socket, 'assign', { conversationId: w.id, agentId: f.id }));
    expect((await w.messages.next((m) => m.meta?.notice === 'assigned')).meta?.params).toEqual({ agentName: f.name });
  });
});
