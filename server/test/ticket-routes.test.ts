/**
 * /api/tickets on a real server (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): an admin turns a
 * conversation into a ticket in one click (transcript attached, tier proposed from the visitor's words),
 * lists and filters it, replies publicly, notes internally, moves it through 处理中 → 待用户确认 and
 * changes its tier; a plain agent sees only the tickets of their departments or assigned to them and may
 * only take or give back a ticket; the console hears each change on /agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Ticket, TicketDetail, TicketEvent, TicketListResult, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, visitorCall, type AgentClient } from './support/test-server.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`ticket routes (${database})`, { timeout: 60_000 }, () => {
  let server: KefuServer;
  let schema: TestSchema | undefined;
  let admin: string;
  let adminId: string;
  let console_: AgentClient;
  let plain: { cookie: string; id: string };
  let conversationId: string;
  let number: string;
  let visitorMessages: ReturnType<typeof recorder<Message>>;

  async function api<T = any>(method: string, path: string, cookie: string, body?: unknown): Promise<{ status: number; body: T & { code?: string } }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T & { code?: string } };
  }

  async function join(email: string): Promise<{ cookie: string; id: string }> {
    const invite = await api('POST', '/api/team/invites', admin, { email, role: 'agent' });
    const token = invite.body.invite.path.split('/').pop();
    const res = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '小李', password: 'long password 1' }),
    });
    expect(res.status).toBe(201);
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, id: ((await res.json()) as { agent: { id: string } }).agent.id };
  }

  beforeAll(async () => {
    if (database === 'postgres') schema = await createTestSchema(pgUrl!);
    server = await startServer(schema ? { databaseUrl: schema.url } : {});
    admin = await login(server.url);
    console_ = connectAgent(server.url, admin);
    adminId = ok(await agentCall(console_, 'hello', {})).agent.id;
    plain = await join('xiaoli@kefu.test');

    const visitor = connectVisitor(server.url);
    const conversations = recorder<VisitorConversation>(visitor, 'conversation');
    visitorMessages = recorder<Message>(visitor, 'message');
    const hello = ok(await visitorCall(visitor, 'hello', { lang: 'zh-CN', identity: { name: '王女士', email: 'wang@example.com' } }));
    conversationId = hello.conversation.id;
    ok(await visitorCall(visitor, 'send', { clientId: 't-1', text: '转人工客服' }));
    await conversations.next((c) => c.id === conversationId && c.state === 'queued');
    ok(await agentCall(console_, 'accept', { conversationId }));
    ok(await visitorCall(visitor, 'send', { clientId: 't-2', text: '系统崩溃，数据丢失，订单页面打不开' }));
    ok(await agentCall(console_, 'send', { conversationId, clientId: 't-r', text: '我为您建一个工单跟进。' }));
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
    await schema?.drop();
  });

  it('turns the conversation into a ticket in one click, with the transcript as the first event; a second click answers the same ticket', async () => {
    const pushed = recorder<Ticket>(console_, 'ticket');
    const made = await api<TicketDetail>('POST', '/api/tickets', admin, { conversationId });
    expect(made.status).toBe(201);
    const { ticket, events } = made.body;
    number = ticket.number;
    expect(number).toMatch(/^T\d{8}-\d{4}$/);
    expect(ticket).toMatchObject({
      status: 'open',
      tier: 'urgent',
      kind: 'fault',
      title: '系统崩溃，数据丢失，订单页面打不开',
      description: '系统崩溃，数据丢失，订单页面打不开',
      requester: { name: '王女士', email: 'wang@example.com' },
      assignee: { id: adminId },
      conversationId,
      sla: 'ok',
      reopenCount: 0,
      escalated: false,
    });
    expect(ticket.clocks.map((c) => [c.clock, c.promisedMs])).toEqual([
      ['response', 15 * 60_000],
      ['diagnosis', 3_600_000],
      ['solution', 4 * 3_600_000],
      ['fix', 24 * 3_600_000],
    ]);
    expect(ticket.nextDueAt).toBe(ticket.clocks[0]!.dueAt);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'created', public: true, author: { kind: 'agent', id: adminId } });
    expect(events[0]!.transcript!.map((l) => [l.author, l.text])).toEqual(expect.arrayContaining([['visitor', '系统崩溃，数据丢失，订单页面打不开'], ['agent', '我为您建一个工单跟进。']]));
    expect((await pushed.next((t) => t.number === number)).tier).toBe('urgent');
    // The visitor, still chatting, is told the number.
    expect((await visitorMessages.next((m) => m.meta?.notice === 'ticket')).text).toBe(`已为您创建工单 ${number}。`);

    const again = await api<TicketDetail>('POST', '/api/tickets', admin, { conversationId });
    expect(again.status).toBe(200);
    expect(again.body.ticket.number).toBe(number);
    expect((await api('POST', '/api/tickets', admin, { conversationId: 'missing' })).body.code).toBe('not_found');
    // Only the agent who has the conversation (or a supervisor or admin) makes a ticket of it.
    expect((await api('POST', '/api/tickets', plain.cookie, { conversationId })).body.code).toBe('forbidden');
  });

  it('lists with filters, due soonest first, and refuses a malformed query', async () => {
    const list = await api<TicketListResult>('GET', '/api/tickets', admin);
    expect(list.status).toBe(200);
    expect(list.body.tickets.map((t) => t.number)).toContain(number);
    expect((await api<TicketListResult>('GET', '/api/tickets?tier=urgent&assignee=me&sort=due', admin)).body.tickets.map((t) => t.number)).toEqual([number]);
    expect((await api<TicketListResult>('GET', '/api/tickets?tier=normal', admin)).body.tickets).toEqual([]);
    expect((await api<TicketListResult>('GET', '/api/tickets?status=resolved,closed', admin)).body.tickets).toEqual([]);
    expect((await api<TicketListResult>('GET', '/api/tickets?assignee=none', admin)).body.tickets).toEqual([]);
    expect((await api('GET', '/api/tickets?status=pending', admin)).status).toBe(400);
    expect((await api('GET', '/api/tickets?limit=1000', admin)).status).toBe(400);
    expect((await api('GET', '/api/tickets/T2026-1', admin)).body.code).toBe('not_found');
    expect((await api('GET', '/api/tickets/T20990101-0001', admin)).body.code).toBe('not_found');
  });

  it('replies publicly (starting the work and meeting the response clock), notes internally, waits on the customer and changes the tier', async () => {
    const events = recorder<TicketEvent>(console_, 'ticketEvent');
    const replied = await api<TicketDetail>('POST', `/api/tickets/${number}/replies`, admin, { text: '  已安排工程师排查 ' });
    expect(replied.status).toBe(201);
    expect(replied.body.ticket.status).toBe('in_progress');
    expect(replied.body.ticket.clocks.find((c) => c.clock === 'response')).toMatchObject({ met: true });
    expect(replied.body.events.slice(1).map((e) => [e.type, e.public, e.text ?? e.to])).toEqual([
      ['reply', true, '已安排工程师排查'],
      ['status', true, 'in_progress'],
    ]);
    expect((await events.next((e) => e.type === 'reply')).text).toBe('已安排工程师排查');

    const noted = await api<TicketDetail>('POST', `/api/tickets/${number}/notes`, admin, { text: '疑似数据库主从切换' });
    expect(noted.body.events.at(-1)).toMatchObject({ type: 'note', public: false, text: '疑似数据库主从切换' });
    expect((await api('POST', `/api/tickets/${number}/notes`, admin, { text: '   ' })).status).toBe(400);

    const waiting = await api<TicketDetail>('PATCH', `/api/tickets/${number}`, admin, { status: 'waiting_customer', remark: '请提供错误截图' });
    expect(waiting.body.ticket).toMatchObject({ status: 'waiting_customer' });
    expect(waiting.body.ticket.pausedAt).toBeTypeOf('number');
    expect(waiting.body.ticket.nextDueAt).toBeUndefined();
    expect(waiting.body.events.at(-1)).toMatchObject({ type: 'status', from: 'in_progress', to: 'waiting_customer', text: '请提供错误截图' });
    // 待用户确认 cannot go back to 待处理: refused, nothing changes.
    const refused = await api('PATCH', `/api/tickets/${number}`, admin, { status: 'open' });
    expect([refused.status, refused.body.code]).toEqual([409, 'invalid_state']);
    expect((await api('PATCH', `/api/tickets/${number}`, admin, {})).status).toBe(400);
    expect((await api('PATCH', `/api/tickets/${number}`, admin, { department: 'nowhere' })).status).toBe(400);

    const resumed = await api<TicketDetail>('PATCH', `/api/tickets/${number}`, admin, { status: 'in_progress', tier: 'severe' });
    expect(resumed.body.ticket).toMatchObject({ status: 'in_progress', tier: 'severe' });
    expect(resumed.body.ticket.clocks.find((c) => c.clock === 'diagnosis')!.promisedMs).toBe(2 * 3_600_000);
    const detail = await api<TicketDetail>('GET', `/api/tickets/${number}`, admin);
    expect(detail.body.events.map((e) => e.type)).toEqual(['created', 'reply', 'status', 'note', 'status', 'status', 'tier']);

    // The customer's plan and 优先支持计划: checked, stored, shown.
    for (const bad of [{ plan: 'gold' }, { priority: 'yes' }]) expect((await api('PATCH', `/api/tickets/${number}`, admin, bad)).status).toBe(400);
    expect((await api<TicketDetail>('GET', `/api/tickets/${number}`, admin)).body.ticket).toMatchObject({ plan: 'free', priority: false });
    const planned = await api<TicketDetail>('PATCH', `/api/tickets/${number}`, admin, { plan: 'enterprise', priority: true });
    expect(planned.body.ticket).toMatchObject({ plan: 'enterprise', priority: true, tier: 'severe' });
    const after = await api<TicketDetail>('GET', `/api/tickets/${number}`, admin);
    expect(after.body.ticket).toMatchObject({ plan: 'enterprise', priority: true });
    expect(after.body.events.at(-1)).toMatchObject({ type: 'plan', public: false, from: 'free', to: 'enterprise', fromPriority: false, toPriority: true });
  });

  it('an agent sees only tickets of their departments or assigned to them, and can only take or give back a ticket', async () => {
    expect((await api<TicketListResult>('GET', '/api/tickets', plain.cookie)).body.tickets).toEqual([]);
    expect((await api('GET', `/api/tickets/${number}`, plain.cookie)).body.code).toBe('not_found');
    expect((await api('POST', `/api/tickets/${number}/notes`, plain.cookie, { text: '看看' })).body.code).toBe('not_found');
    expect((await api('PATCH', `/api/tickets/${number}`, plain.cookie, { plan: 'enterprise' })).body.code).toBe('not_found');

    expect((await api('PATCH', `/api/tickets/${number}`, admin, { department: 'tech' })).status).toBe(200);
    expect((await api('PUT', `/api/departments/tech/members/${plain.id}`, admin)).status).toBe(200);
    expect((await api<TicketListResult>('GET', '/api/tickets', plain.cookie)).body.tickets.map((t) => t.number)).toEqual([number]);
    // Not theirs to hand to someone else; theirs to take and give back.
    expect((await api('PATCH', `/api/tickets/${number}`, plain.cookie, { assigneeId: adminId })).body.code).toBe('forbidden');
    const taken = await api<TicketDetail>('PATCH', `/api/tickets/${number}`, plain.cookie, { assigneeId: plain.id });
    expect(taken.body.ticket.assignee).toEqual({ id: plain.id, name: '小李' });
    expect(taken.body.events.at(-1)).toMatchObject({ type: 'assignment', public: false, from: adminId, to: plain.id, toName: '小李' });
    expect((await api<TicketDetail>('PATCH', `/api/tickets/${number}`, plain.cookie, { assigneeId: null })).body.ticket.assignee).toBeUndefined();
    expect((await api<TicketListResult>('GET', '/api/tickets?assignee=none', plain.cookie)).body.tickets.map((t) => t.number)).toEqual([number]);
  });
});
