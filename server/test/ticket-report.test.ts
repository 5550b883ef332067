/**
 * The ticket service report on a real SQLite file: tickets created in the period only, the mean time to the first
 * reply or acceptance and to resolution, clocks kept and broken, per tier (the SQL behind it runs on PostgreSQL in
 * the storage contract). Over HTTP: supervisors only, a period that ends before it starts refused, and
 * the chat figures of real chats: one the bot handled alone, one an agent took from the queue and answered, one left in
 * the queue.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatReport, TicketReport, TicketTier, VisitorConversation } from '@kefu/shared';
import { openSqliteStorage } from '../src/index.ts';
import type { StoredClock } from '../src/storage/ticket-storage.ts';
import { ticketReport } from '../src/tickets/ticket-report.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, tempDir, visitorCall } from './support/test-server.ts';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 1);

describe('ticket report', () => {
  const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
  afterAll(() => storage.close());

  let day = 0;
  const clock = (name: StoredClock['clock'], startedAt: number, promisedMin: number, done?: number, breached = false): StoredClock => ({
    clock: name,
    startedAt,
    basis: 'elapsed',
    promisedMs: promisedMin * MIN,
    dueAt: startedAt + promisedMin * MIN,
    ...(done !== undefined ? { metAt: done } : {}),
    state: breached ? 'breached' : 'ok',
  });
  async function ticket(tier: TicketTier, createdAt: number, clocks: StoredClock[], resolvedAfterMin?: number): Promise<void> {
    const t = await storage.createTicket({ day: `202611${String(++day).padStart(2, '0')}`, createdAt, title: `工单 ${day}`, tier, clocks });
    if (resolvedAfterMin !== undefined) await storage.updateTicket(t.id, t.revision, { status: 'resolved', resolvedAt: createdAt + resolvedAfterMin * MIN }, [], createdAt + resolvedAfterMin * MIN);
  }

  it('counts the tickets created in the period: first answer and resolution times, clocks kept and broken, per tier', async () => {
    // Urgent: answered after 10 and 20 minutes (promise 15: one late), resolved after 2 and 4 hours.
    await ticket('urgent', T + 100 * MIN, [clock('response', T + 100 * MIN, 15, T + 110 * MIN), clock('fix', T + 100 * MIN, 300, T + 220 * MIN)], 120);
    await ticket('urgent', T + 200 * MIN, [clock('response', T + 200 * MIN, 15, T + 220 * MIN, true), clock('fix', T + 200 * MIN, 300, T + 440 * MIN)], 240);
    // A complaint accepted after 30 minutes, still open, its investigation overdue.
    await ticket('normal', T + 300 * MIN, [clock('acceptance', T + 300 * MIN, 60, T + 330 * MIN), clock('investigation', T + 300 * MIN, 120, undefined, true)]);
    // Nobody answered yet, within its time: counted as created only.
    await ticket('severe', T + 400 * MIN, [clock('response', T + 400 * MIN, 60)]);
    // Outside the period, before and at its end.
    await ticket('urgent', T - MIN, [clock('response', T - MIN, 15, T, true)], 1);
    await ticket('urgent', T + 1000 * MIN, [clock('response', T + 1000 * MIN, 15, T + 1001 * MIN)], 1);

    const report = await ticketReport(storage, T, T + 1000 * MIN);
    expect(report.all).toEqual({ created: 4, resolved: 2, firstLine: 2, firstResponseMs: 20 * MIN, resolutionMs: 180 * MIN, clocksMet: 4, clocksMissed: 2 });
    expect(report.byTier).toEqual([
      { tier: 'urgent', created: 2, resolved: 2, firstLine: 2, firstResponseMs: 15 * MIN, resolutionMs: 180 * MIN, clocksMet: 3, clocksMissed: 1 },
      { tier: 'severe', created: 1, resolved: 0, firstLine: 0, firstResponseMs: null, resolutionMs: null, clocksMet: 0, clocksMissed: 0 },
      { tier: 'normal', created: 1, resolved: 0, firstLine: 0, firstResponseMs: 30 * MIN, resolutionMs: null, clocksMet: 1, clocksMissed: 1 },
    ]);
    const empty = await ticketReport(storage, T + 2000 * MIN, T + 3000 * MIN);
    expect(empty).toMatchObject({ all: { created: 0, resolved: 0, firstLine: 0, firstResponseMs: null, resolutionMs: null, clocksMet: 0, clocksMissed: 0 }, byTier: [] });
  });

  it('answers supervisors over HTTP with the last 30 days by default, refuses a period that ends before it starts, and counts real chats', async () => {
    const server = await startServer();
    try {
      const cookie = await login(server.url);
      const res = await fetch(`${server.url}/api/reports/tickets`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as TicketReport;
      expect(body.to - body.from).toBe(30 * 24 * 60 * MIN);
      expect(body.all.created).toBe(0);
      const bad = await fetch(`${server.url}/api/reports/tickets?from=2000&to=1000`, { headers: { cookie } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/from/);

      // One visitor asks the bot only; another asks for a human and the admin takes them; a third only opens the widget.
      const agent = connectAgent(server.url, cookie);
      ok(await agentCall(agent, 'hello', {}));
      const alone = connectVisitor(server.url);
      const first = ok(await visitorCall(alone, 'hello', { lang: 'zh-CN' }));
      ok(await visitorCall(alone, 'send', { clientId: 'a-1', text: '客服热线是多少' }));
      /** A visitor who asks for a human and is now in the queue. */
      const queuedVisitor = async (clientId: string) => {
        const socket = connectVisitor(server.url);
        const conversations = recorder<VisitorConversation>(socket, 'conversation');
        const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
        ok(await visitorCall(socket, 'send', { clientId, text: '转人工客服' }));
        await conversations.next((c) => c.id === hello.conversation.id && c.state === 'queued');
        return { socket, conversation: hello.conversation };
      };
      const second = await queuedVisitor('h-1');
      ok(await agentCall(agent, 'accept', { conversationId: second.conversation.id }));
      ok(await agentCall(agent, 'send', { conversationId: second.conversation.id, clientId: 'r-1', text: '您好，我是客服' }));
      ok(await visitorCall(connectVisitor(server.url), 'hello', { lang: 'zh-CN' }));
      // A fourth asks for a human and gives up waiting: not the bot's doing, and not served either.
      const leaver = await queuedVisitor('l-1');
      ok(await visitorCall(leaver.socket, 'leaveQueue', { conversationId: leaver.conversation.id }));
      expect(first.conversation.id).not.toBe(second.conversation.id);
      const chats = (await (await fetch(`${server.url}/api/reports/chats`, { headers: { cookie } })).json()) as ChatReport;
      expect(chats).toMatchObject({ conversations: 3, served: 1, ticketed: 0, leftQueue: 1, waits: { count: 1 } });
      expect(chats.waits.meanMs).toBe(chats.waits.longestMs);
      // The admin took one chat and replied to it.
      expect(chats.byAgent).toEqual([{ agentId: expect.any(String), name: expect.any(String), taken: 1, firstReplyMs: expect.any(Number) }]);
      expect(chats.byAgent[0]!.firstReplyMs).toBeGreaterThanOrEqual(0);
      expect(chats.waitsByDepartment).toEqual([expect.objectContaining({ count: 1, name: expect.objectContaining({ zh: expect.any(String) }) })]);
    } finally {
      closeClients();
      await server.close();
    }
  });
});
