/**
 * The visitor's side of tickets over /visitor: a typed 我要投诉 opens the complaint form (with the tier
 * its text suggests) instead of an FAQ card; a filed complaint goes to 投诉与建议, a 紧急 or major one to
 * the least loaded supervisor, and its confirmation carries number, tier and the response promise; a
 * visitor lists and looks up only their own tickets (someone else's number answers exactly like a
 * missing one), adds information to them, and lookups are rate limited. Bad input stores nothing.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, TicketReplyPush } from '@kefu/shared';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { KefuServer } from '../src/index.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, tempDir, TEST_LIMITS, visitorCall } from './support/test-server.ts';

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(limits = {}) {
  const dataDir = tempDir();
  const server = await startServer({ dataDir, limits: { ...TEST_LIMITS, ticketLookupsPerIp: 100_000, ...limits } });
  servers.push(server);
  return { server, dataDir, adminCookie: await login(server.url) };
}

async function visitor(server: KefuServer, token?: string) {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const answers = recorder<TicketReplyPush>(socket, 'ticketReply');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', ...(token ? { token } : {}) }));
  const ask = async (text: string): Promise<Message> => {
    const sent = ok(await visitorCall(socket, 'send', { clientId: `q-${Math.random().toString(36).slice(2)}`, text })).message;
    return messages.next((m) => m.author !== 'visitor' && m.seq > sent.seq);
  };
  return { socket, ask, answers, id: hello.conversation.id, token: hello.token };
}

/** A colleague invited by the admin with `role` into `department`, signed in with the console open. */
async function colleague(server: KefuServer, adminCookie: string, email: string, role: 'agent' | 'supervisor', department: string) {
  const invited = await fetch(`${server.url}/api/team/invites`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role, department }),
  });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const name = `主管${email.slice(0, 2)}`;
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const socket = connectAgent(server.url, cookie);
  ok(await agentCall(socket, 'hello', {}));
  const presence = (value: 'online' | 'away') =>
    fetch(`${server.url}/api/team/me/presence`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ presence: value }) });
  return { id: ((await accepted.json()) as { agent: { id: string } }).agent.id, name, socket, presence };
}

const COMPLAINT = { kind: 'complaint', text: '系统崩溃两天了，数据全丢了！', contact: 'wang@example.com', tier: 'urgent' } as const;

describe('complaints from the widget', () => {
  it('a typed 我要投诉 opens the form with the text and 紧急; a question about complaining does not', async () => {
    const { server } = await serve();
    const v = await visitor(server);
    const reply = await v.ask('我要投诉，系统崩溃两天了，数据全丢了！');
    expect(reply.author).toBe('bot');
    expect(reply.meta?.complaint).toEqual({ kind: 'complaint', tier: 'urgent', text: '系统崩溃两天了，数据全丢了！' });
    expect(reply.text).toContain('投诉');
    const suggestion = await v.ask('我想提个建议：希望支持深色模式');
    expect(suggestion.meta?.complaint).toEqual({ kind: 'suggestion', tier: 'normal', text: '希望支持深色模式' });
    const question = await v.ask('如何投诉客服服务？');
    expect(question.meta?.complaint).toBeUndefined();
    expect(ok(await visitorCall(v.socket, 'proposeTier', { text: '导出功能用不了' })).tier).toBe('severe');
  });

  it('a 紧急 complaint goes to 投诉与建议 and its least loaded supervisor; the confirmation carries number, tier and the 紧急 tier’s 15 min response', async () => {
    const { server, adminCookie } = await serve();
    const sup = await colleague(server, adminCookie, 'zh@team.test', 'supervisor', 'complaints');
    await colleague(server, adminCookie, 'ag@team.test', 'agent', 'complaints');
    const v = await visitor(server);
    const before = Date.now();
    const done = ok(await visitorCall(v.socket, 'complain', COMPLAINT));
    expect(done.ticket.number).toMatch(/^T\d{8}-\d{4,6}$/);
    expect(done.ticket).toMatchObject({ kind: 'complaint', tier: 'urgent', status: 'open', owner: sup.name, department: { zh: '投诉与建议', en: 'Complaints & suggestions' } });
    expect(done.responseClock).toBe('response');
    expect(done.responseWithin).toEqual({ amount: 15, unit: 'minutes' });
    expect(done.responseDueAt - done.ticket.createdAt).toBe(15 * 60_000);
    expect(done.ticket.createdAt).toBeGreaterThanOrEqual(before - 1000);
    // The timeline: response, acceptance, investigation (3–5 working days), answer (7–10).
    expect(done.ticket.clocks.map((c) => c.clock)).toEqual(['response', 'acceptance', 'investigation', 'reply']);
    const investigation = done.ticket.clocks[2]!;
    expect(investigation.targetAt).toBeLessThan(investigation.dueAt!);
    expect(done.replies).toEqual([{ author: 'customer', text: COMPLAINT.text, createdAt: done.ticket.createdAt }]);

    // A 一般 complaint waits for the department; one marked 重大 goes to the supervisor too.
    const plain = ok(await visitorCall(v.socket, 'complain', { ...COMPLAINT, text: '客服态度不好', tier: 'normal' }));
    expect(plain.ticket.owner).toBeUndefined();
    const major = ok(await visitorCall(v.socket, 'complain', { ...COMPLAINT, text: '多次反映无人处理', tier: 'normal', major: true, reference: 'T20261101-0001' }));
    expect(major.ticket.owner).toBe(sup.name);
    expect(major.replies[0]!.text).toBe('多次反映无人处理\n\n订单号或工单号：T20261101-0001');
    // A suggestion's first promise is its acceptance within 1 working day.
    const idea = ok(await visitorCall(v.socket, 'complain', { kind: 'suggestion', text: '希望支持深色模式', contact: '13800138000', tier: 'normal' }));
    expect(idea).toMatchObject({ responseClock: 'acceptance', responseWithin: { amount: 1, unit: 'workingDays' }, ticket: { kind: 'suggestion' } });
    expect(idea.ticket.owner).toBeUndefined();
  });

  it('spreads 紧急 complaints over the supervisors by load, and a complaint from a queued conversation moves it to the front', async () => {
    const { server, adminCookie } = await serve();
    const first = await colleague(server, adminCookie, 'z1@team.test', 'supervisor', 'complaints');
    const second = await colleague(server, adminCookie, 'z2@team.test', 'supervisor', 'complaints');
    const owners = [];
    const v = await visitor(server);
    for (let i = 0; i < 2; i++) owners.push(ok(await visitorCall(v.socket, 'complain', COMPLAINT)).ticket.owner);
    expect(owners.sort()).toEqual([first.name, second.name].sort());

    // Billing's only member is away: two visitors wait in its queue, the later one complains.
    const billing = await colleague(server, adminCookie, 'bb@team.test', 'agent', 'billing');
    expect((await billing.presence('away')).status).toBe(200);
    const early = await visitor(server);
    const late = await visitor(server);
    for (const w of [early, late]) {
      await w.ask('怎么开发票？');
      expect(ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('queued');
    }
    const queueOf = async () => ok(await agentCall(first.socket, 'hello', {})).queue.map((c) => c.id);
    expect(await queueOf()).toEqual([early.id, late.id]);
    ok(await visitorCall(late.socket, 'complain', { ...COMPLAINT, text: '排队太久了', tier: 'normal' }));
    expect(await queueOf()).toEqual([late.id, early.id]);

    // A visitor who complains first and then asks for a human keeps the complaint's place ahead.
    const then = await visitor(server);
    await then.ask('怎么开发票？');
    ok(await visitorCall(then.socket, 'complain', { ...COMPLAINT, text: '发票开错了三次', tier: 'normal' }));
    expect(ok(await visitorCall(then.socket, 'handoff', { clientId: 'h2' })).conversation.state).toBe('queued');
    expect(await queueOf()).toEqual([late.id, then.id, early.id]);
  });

  it('refuses a bad complaint with a coded error and stores nothing', async () => {
    const { server } = await serve();
    const v = await visitor(server);
    for (const bad of [
      { ...COMPLAINT, contact: 'not a contact' },
      { ...COMPLAINT, text: '   ' },
      { ...COMPLAINT, tier: 'critical' },
      { ...COMPLAINT, kind: 'fault' },
      { ...COMPLAINT, reference: 'x; drop table' },
    ]) {
      expect(await visitorCall(v.socket, 'complain', bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(ok(await visitorCall(v.socket, 'myTickets', {})).tickets).toEqual([]);
  });
});

describe('我的工单', () => {
  it('lists and opens only my own tickets; another visitor’s number answers exactly like a missing one', async () => {
    const { server } = await serve();
    const mine = await visitor(server);
    const other = await visitor(server);
    const filed = ok(await visitorCall(mine.socket, 'complain', COMPLAINT));
    const number = filed.ticket.number;

    const list = ok(await visitorCall(mine.socket, 'myTickets', {})).tickets;
    expect(list.map((t) => [t.number, t.status, t.tier])).toEqual([[number, 'open', 'urgent']]);
    expect(ok(await visitorCall(mine.socket, 'ticket', { number })).ticket.number).toBe(number);
    expect(ok(await visitorCall(other.socket, 'myTickets', {})).tickets).toEqual([]);

    const foreign = await visitorCall(other.socket, 'ticket', { number });
    const missing = await visitorCall(other.socket, 'ticket', { number: 'T20991231-9999' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(foreign).toEqual(missing);
    expect(await visitorCall(other.socket, 'addTicketInfo', { number, text: '我也来说两句' })).toEqual(
      await visitorCall(other.socket, 'addTicketInfo', { number: 'T20991231-9999', text: '我也来说两句' }),
    );
    expect(await visitorCall(other.socket, 'ticket', { number: 'not-a-number' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    // Information added is a public reply from the customer; the foreign attempt left nothing behind.
    const added = ok(await visitorCall(mine.socket, 'addTicketInfo', { number, text: '补充：崩溃前刚升级到 3.2 版' }));
    expect(added.replies.map((r) => [r.author, r.text])).toEqual([
      ['customer', COMPLAINT.text],
      ['customer', '补充：崩溃前刚升级到 3.2 版'],
    ]);
  });

  it('tells a returning visitor, right after hello, when an agent has answered one of their tickets', async () => {
    const { server, dataDir } = await serve();
    const v = await visitor(server);
    const filed = ok(await visitorCall(v.socket, 'complain', COMPLAINT));
    v.socket.disconnect();
    // An agent's public answer, written beside the running server (the agents' routes write the same event).
    const storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
    const at = Date.now();
    try {
      const t = (await storage.getTicketByNumber(filed.ticket.number))!;
      expect(await storage.updateTicket(t.id, t.revision, {}, [{ type: 'reply', public: true, authorKind: 'agent', authorName: '小王', text: '已在恢复备份', createdAt: at }], at)).toBeDefined();
    } finally {
      await storage.close();
    }
    const back = await visitor(server, v.token);
    expect(await back.answers.next()).toEqual({ at });
    const detail = ok(await visitorCall(back.socket, 'ticket', { number: filed.ticket.number }));
    expect(detail.replies.at(-1)).toEqual({ author: 'agent', name: '小王', text: '已在恢复备份', createdAt: at });
    expect(detail.ticket.lastReplyAt).toBe(at);
    // A visitor without answered tickets hears nothing.
    const other = await visitor(server);
    ok(await visitorCall(other.socket, 'myTickets', {}));
    expect(other.answers.seen).toEqual([]);
  });

  it('an agent’s public reply through the tickets API reaches the visitor’s open widget at once; a note does not', async () => {
    const { server, adminCookie } = await serve();
    const v = await visitor(server);
    const filed = ok(await visitorCall(v.socket, 'complain', COMPLAINT));
    const post = (kind: 'replies' | 'notes', text: string) =>
      fetch(`${server.url}/api/tickets/${filed.ticket.number}/${kind}`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect((await post('notes', '内部：先查备份')).status).toBe(201);
    expect((await post('replies', '已在恢复备份，请稍候')).status).toBe(201);
    const push = await v.answers.next();
    expect(push.number).toBe(filed.ticket.number);
    expect(v.answers.seen).toHaveLength(1);
    const detail = ok(await visitorCall(v.socket, 'ticket', { number: filed.ticket.number }));
    expect(detail.replies.map((r) => r.text)).toEqual([COMPLAINT.text, '已在恢复备份，请稍候']);
  });

  it('rate limits lookups per visitor', async () => {
    const { server } = await serve({ ticketLookupsPerVisitor: 3 });
    const v = await visitor(server);
    for (let i = 0; i < 3; i++) expect((await visitorCall(v.socket, 'ticket', { number: `T20991231-000${i}` })).ok).toBe(false);
    expect(await visitorCall(v.socket, 'ticket', { number: 'T20991231-0009' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await visitorCall(v.socket, 'myTickets', {})).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
