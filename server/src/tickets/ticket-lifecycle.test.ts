/**
 * The ticket life cycle with an injected clock (Shanghai time) on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set; its SLA timers run as jobs.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TICKET_STATUSES, TICKET_TRANSITIONS } from '@kefu/shared';
import { ALWAYS_OPEN, writeServiceHours } from '../hours/service-hours-store.ts';
import type { TestSchema } from '../storage/postgres/postgres-test-schema.ts';
import type { AgentRecord } from '../storage/storage.ts';
import { changeTicket, noteOnTicket, openTicket, replyToTicket } from './ticket-lifecycle.ts';
import { registerTicketJobs } from './ticket-sla-jobs.ts';
import { slaJobKey } from './ticket-timers.ts';
import { TICKET_COMMANDS, commandFor } from './ticket-transitions.ts';
import { ticketTestContextOn, type TicketTestContext } from './ticket-test-context.ts';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 30 Nov 2026, 10:00 in Shanghai. */
const T = sh('2026-11-30T10:00:00');

const pgUrl = process.env.TEST_DATABASE_URL;

for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`ticket lifecycle (${database})`, { timeout: 60_000 }, () => {
  const schemas: TestSchema[] = [];
  let t: TicketTestContext;
  let agent: AgentRecord;
  let supervisor: AgentRecord;
  let head: AgentRecord;
  const customer = { kind: 'customer' as const, name: '王女士' };
  const asAgent = () => ({ kind: 'agent' as const, id: agent.id, name: agent.name });

  beforeEach(async () => {
    t = await ticketTestContextOn(database, T, schemas);
    agent = await t.storage.createAgent({ email: 'li@kefu.test', name: '李客服', role: 'agent', passwordHash: 'h', now: T });
    supervisor = await t.storage.createAgent({ email: 'zhou@kefu.test', name: '周主管', role: 'supervisor', passwordHash: 'h', now: T });
    head = await t.storage.createAgent({ email: 'head@kefu.test', name: '投诉组长', role: 'agent', passwordHash: 'h', now: T });
    await t.storage.createDepartment({ key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', now: T });
    await t.storage.createDepartment({ key: 'complaints', nameZh: '投诉与建议', nameEn: 'Complaints', now: T });
    await t.storage.addDepartmentMember('complaints', head.id);
  });
  afterEach(async () => {
    await t.ctx.jobs.stop();
    await t.storage.close();
  });
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()));
  });

  const job = (ticketId: string, clock: string, level: 'at_risk' | 'breached' | 'escalate') => t.storage.getJob(slaJobKey(ticketId, clock as never, level));

  describe('transitions', () => {
    it('the command table is the shared status table: every allowed move has one command, nothing else moves', () => {
      for (const from of TICKET_STATUSES) {
        for (const to of TICKET_STATUSES) {
          expect([from, to, commandFor(from, to) !== undefined]).toEqual([from, to, TICKET_TRANSITIONS[from].includes(to)]);
        }
      }
      expect(Object.keys(TICKET_COMMANDS)).toEqual(['start', 'waitOnCustomer', 'resume', 'resolve', 'reopen', 'close']);
    });

    it('refuses a move the table does not have, changing nothing', async () => {
      const ticket = await openTicket(t.ctx, { description: '发票抬头错了', author: customer });
      await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'closed' });
      await expect(changeTicket(t.ctx, ticket.id, asAgent(), { status: 'open' })).rejects.toMatchObject({ code: 'invalid_state' });
      expect(await t.storage.getTicket(ticket.id)).toMatchObject({ status: 'closed', revision: 1 });
    });
  });

  describe('opening a ticket', () => {
    it('proposes 紧急 from "系统崩溃，数据丢失", stores the text as typed, and runs the 紧急 clocks with their timers', async () => {
      const ticket = await openTicket(t.ctx, { description: ' 系统崩溃，数据丢失\n请尽快处理 ', contact: '13800000000', author: customer, visitorId: undefined });
      expect(ticket).toMatchObject({ status: 'open', tier: 'urgent', kind: 'fault', plan: 'free', title: '系统崩溃，数据丢失', description: ' 系统崩溃，数据丢失\n请尽快处理 ' });
      expect(Object.fromEntries(ticket.clocks.map((c) => [c.clock, c.dueAt! - T]))).toEqual({ response: 15 * MIN, diagnosis: HOUR, solution: 4 * HOUR, fix: 24 * HOUR });
      expect(ticket.nextDueAt).toBe(T + 15 * MIN);
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 12 * MIN);
      expect((await job(ticket.id, 'response', 'breached'))?.runAt).toBe(T + 15 * MIN);
      expect((await job(ticket.id, 'response', 'escalate'))?.runAt).toBe(T + 22.5 * MIN);
      expect((await t.storage.listTicketEvents(ticket.id)).map((e) => [e.type, e.public, e.text])).toEqual([['created', true, ' 系统崩溃，数据丢失\n请尽快处理 ']]);
    });

    it('counts working days across a weekend and a holiday: a 一般 fault opened on Friday is solved by Wednesday, by Thursday with Monday off', async () => {
      t.clock.now = sh('2026-11-27T10:00:00');
      const plain = await openTicket(t.ctx, { description: '按钮颜色有点怪', author: customer });
      expect(plain.clocks.find((c) => c.clock === 'solution')!.dueAt).toBe(sh('2026-12-02T10:00:00'));
      await writeServiceHours(t.storage, { ...ALWAYS_OPEN, holidays: [{ date: '2026-11-30', name: '假日' }] });
      const holiday = await openTicket(t.ctx, { description: '按钮颜色有点怪', author: customer });
      expect(holiday.clocks.find((c) => c.clock === 'solution')!.dueAt).toBe(sh('2026-12-03T10:00:00'));
      expect(holiday.clocks.find((c) => c.clock === 'fix')!.dueAt).toBe(sh('2026-12-09T10:00:00'));
    });
  });

  describe('pause, tier, reply, reopen', () => {
    it('holds every clock while waiting on the customer and moves the due times by the wait', async () => {
      const ticket = await openTicket(t.ctx, { description: '核心功能用不了', author: customer });
      expect(ticket.tier).toBe('severe');
      t.clock.now = T + 10 * MIN;
      const waiting = await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'waiting_customer' });
      expect(waiting).toMatchObject({ status: 'waiting_customer', pausedAt: T + 10 * MIN });
      expect(waiting.nextDueAt).toBeUndefined();
      expect(waiting.clocks.every((c) => c.dueAt === undefined)).toBe(true);
      expect(await job(ticket.id, 'response', 'at_risk')).toBeUndefined();

      t.clock.now = T + 70 * MIN;
      const back = await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'in_progress' });
      expect(back.pauses).toEqual([{ from: T + 10 * MIN, to: T + 70 * MIN }]);
      expect(back.pausedAt).toBeUndefined();
      // 严重: response 30 min, now one hour later.
      expect(back.clocks.find((c) => c.clock === 'response')!.dueAt).toBe(T + 90 * MIN);
      expect(back.nextDueAt).toBe(T + 90 * MIN);
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 84 * MIN);
    });

    it('recomputes the due times on a tier change and keeps a met response met', async () => {
      const ticket = await openTicket(t.ctx, { description: '发票抬头错了', author: customer });
      expect(ticket.nextDueAt).toBe(T + 2 * HOUR);
      t.clock.now = T + 5 * MIN;
      const replied = await replyToTicket(t.ctx, ticket.id, asAgent(), '您好，正在处理');
      expect(replied.status).toBe('in_progress');
      expect(replied.clocks.find((c) => c.clock === 'response')!.metAt).toBe(T + 5 * MIN);
      expect(await job(ticket.id, 'response', 'at_risk')).toBeUndefined();
      const urgent = await changeTicket(t.ctx, ticket.id, asAgent(), { tier: 'urgent' });
      expect(urgent.clocks.find((c) => c.clock === 'response')!.metAt).toBe(T + 5 * MIN);
      expect(urgent.clocks.find((c) => c.clock === 'diagnosis')!.dueAt).toBe(T + HOUR);
      expect(urgent.nextDueAt).toBe(T + HOUR);
      expect((await job(ticket.id, 'diagnosis', 'at_risk'))?.runAt).toBe(T + 48 * MIN);
      await noteOnTicket(t.ctx, ticket.id, asAgent(), '客户是老用户');
      const events = await t.storage.listTicketEvents(ticket.id);
      expect(events.map((e) => [e.type, e.public, e.data.to ?? e.text])).toEqual([
        ['created', true, '发票抬头错了'],
        ['reply', true, '您好，正在处理'],
        ['status', true, 'in_progress'],
        ['tier', true, 'urgent'],
        ['note', false, '客户是老用户'],
      ]);
    });

    it('moves the response promise with the plan and priority support, rescheduling its timers, with one write each', async () => {
      const ticket = await openTicket(t.ctx, { description: '发票抬头错了', author: customer });
      expect(ticket).toMatchObject({ tier: 'normal', plan: 'free', priority: false, nextDueAt: T + 2 * HOUR });
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 96 * MIN);
      t.clock.now = T + MIN;
      // 企业版: 15 分钟内响应, counted from when the ticket was opened.
      const enterprise = await changeTicket(t.ctx, ticket.id, asAgent(), { plan: 'enterprise' });
      expect(enterprise).toMatchObject({ plan: 'enterprise', priority: false, tier: 'normal', revision: ticket.revision + 1 });
      expect(enterprise.clocks.find((c) => c.clock === 'response')!.dueAt).toBe(T + 15 * MIN);
      expect(enterprise.nextDueAt).toBe(T + 15 * MIN);
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 12 * MIN);
      // 优先支持计划 halves it.
      const priority = await changeTicket(t.ctx, ticket.id, asAgent(), { priority: true });
      expect(priority).toMatchObject({ plan: 'enterprise', priority: true });
      expect(priority.clocks.find((c) => c.clock === 'response')!.dueAt).toBe(T + 7.5 * MIN);
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 6 * MIN);
      // Read back from the database, and the same values again change nothing.
      expect(await t.storage.getTicket(ticket.id)).toMatchObject({ plan: 'enterprise', priority: true, nextDueAt: T + 7.5 * MIN });
      const same = await changeTicket(t.ctx, ticket.id, asAgent(), { plan: 'enterprise', priority: true });
      expect(same.revision).toBe(priority.revision);
      // All three at once: one recompute, one write.
      const back = await changeTicket(t.ctx, ticket.id, asAgent(), { tier: 'urgent', plan: 'free', priority: false });
      expect(back).toMatchObject({ tier: 'urgent', plan: 'free', priority: false, revision: priority.revision + 1 });
      expect(back.clocks.find((c) => c.clock === 'response')!.dueAt).toBe(T + 15 * MIN);
      // Each plan change is an internal entry of the thread, with priority support before and after.
      const events = await t.storage.listTicketEvents(ticket.id);
      expect(events.map((e) => [e.type, e.public, e.data])).toEqual([
        ['created', true, {}],
        ['plan', false, { from: 'free', to: 'enterprise', fromPriority: false, toPriority: false }],
        ['plan', false, { from: 'enterprise', to: 'enterprise', fromPriority: false, toPriority: true }],
        ['tier', true, { from: 'normal', to: 'urgent' }],
        ['plan', false, { from: 'enterprise', to: 'free', fromPriority: true, toPriority: false }],
      ]);
    });

    it('resolving meets every clock and cancels the timers; the third reopen escalates to 投诉与建议 and tells the group', async () => {
      const ticket = await openTicket(t.ctx, { description: '导出功能用不了', author: customer, department: 'tech', assigneeId: agent.id });
      for (let i = 1; i <= 3; i++) {
        t.clock.now += HOUR;
        const resolved = await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'resolved' });
        expect(resolved.clocks.every((c) => c.metAt === t.clock.now)).toBe(true);
        expect(await job(ticket.id, 'fix', 'breached')).toBeUndefined();
        t.clock.now += HOUR;
        const reopened = await changeTicket(t.ctx, ticket.id, customer, { status: 'open' });
        expect(reopened.reopenCount).toBe(i);
        // Fresh clocks from the reopen.
        expect(reopened.clocks.find((c) => c.clock === 'response')!.dueAt).toBe(t.clock.now + 30 * MIN);
        expect(reopened.escalatedAt !== undefined).toBe(i === 3);
      }
      const escalated = (await t.storage.getTicket(ticket.id))!;
      expect(escalated).toMatchObject({ department: 'complaints', assigneeId: agent.id, reopenCount: 3 });
      const alert = t.pushes.find((p) => p.event === 'ticketAlert');
      expect(alert?.payload).toMatchObject({ kind: 'escalated', reason: 'reopens', number: ticket.number });
      expect(alert?.rooms.sort()).toEqual([`agent:${agent.id}`, `agent:${supervisor.id}`, `agent:${head.id}`].sort());
      expect((await t.storage.listTicketEvents(ticket.id)).at(-1)).toMatchObject({ type: 'escalation', data: { reason: 'reopens', from: 'tech', to: 'complaints' } });
    });
  });

  describe('SLA timers as jobs', () => {
    it('alerts at 80 %, marks breached at 100 % and escalates at 150 %, each once, surviving a runner restart', async () => {
      registerTicketJobs(t.ctx);
      const ticket = await openTicket(t.ctx, { description: '系统崩溃', author: customer, department: 'tech', assigneeId: agent.id });
      const alerts = () => t.pushes.filter((p) => p.event === 'ticketAlert').map((p) => [p.payload.kind, p.payload.clock]);

      t.clock.now = T + 11 * MIN;
      expect(await t.ctx.jobs.runDue()).toBe(0);
      t.clock.now = T + 12 * MIN;
      expect(await t.ctx.jobs.runDue()).toBe(1);
      expect(alerts()).toEqual([['at_risk', 'response']]);
      const risky = t.pushes.find((p) => p.event === 'ticketAlert')!;
      expect(risky.rooms.sort()).toEqual([`agent:${agent.id}`, `agent:${supervisor.id}`].sort());
      expect(risky.payload).toMatchObject({ number: ticket.number, tier: 'urgent', dueAt: T + 15 * MIN, assigneeId: agent.id });
      expect(await t.storage.listTickets({ sort: 'due', limit: 5, sla: 'at_risk' })).toHaveLength(1);
      // The job that raised the alert is done, not lost.
      expect((await job(ticket.id, 'response', 'at_risk'))?.doneAt).toBe(T + 12 * MIN);

      // A new runner (the process restarted) finds the breach due and runs it once.
      await t.ctx.jobs.stop();
      const again = t.newRunner();
      (t.ctx as { jobs: typeof again }).jobs = again;
      registerTicketJobs(t.ctx);
      t.clock.now = T + 16 * MIN;
      expect(await again.runDue()).toBe(1);
      expect(await again.runDue()).toBe(0);
      expect(alerts()).toEqual([['at_risk', 'response'], ['breached', 'response']]);
      expect((await t.storage.getTicket(ticket.id))!.slaState).toBe('breached');

      t.clock.now = T + 23 * MIN;
      await again.runDue();
      expect(alerts().at(-1)).toEqual(['escalated', 'response']);
      expect(await t.storage.getTicket(ticket.id)).toMatchObject({ department: 'complaints', escalatedAt: T + 23 * MIN });
      // Escalated once: the other clocks' escalation timers are gone.
      expect(await job(ticket.id, 'fix', 'escalate')).toBeUndefined();
      expect(t.runnerErrors).toEqual([]);
      expect((await t.storage.listTicketEvents(ticket.id)).map((e) => [e.type, e.data.level ?? e.data.reason ?? null])).toEqual([
        ['created', null],
        ['sla', 'at_risk'],
        ['sla', 'breached'],
        ['escalation', 'overdue'],
      ]);
    });

    it('after an outage every clock is overdue at once: each level is alerted once, never a lower one after a higher', async () => {
      registerTicketJobs(t.ctx);
      const ticket = await openTicket(t.ctx, { description: '系统崩溃', author: customer, department: 'tech', assigneeId: agent.id });
      t.clock.now = T + 60 * DAY;
      while ((await t.ctx.jobs.runDue()) > 0);
      const kinds = t.pushes.filter((p) => p.event === 'ticketAlert').map((p) => p.payload.kind);
      expect(kinds.filter((k) => k === 'escalated')).toHaveLength(1);
      // Timers run side by side: 已超时 may come before any 即将超时, which then has nothing to add.
      const alerted = kinds.filter((k) => k !== 'escalated');
      expect(alerted.filter((k) => k === 'breached')).toHaveLength(1);
      expect(alerted.filter((k) => k === 'at_risk').length).toBeLessThanOrEqual(1);
      expect(alerted.at(-1)).toBe('breached');
      // The thread still records where every clock stands.
      const levels = (await t.storage.listTicketEvents(ticket.id)).filter((e) => e.type === 'sla').map((e) => `${e.data.clock}:${e.data.level}`);
      for (const c of (await t.storage.getTicket(ticket.id))!.clocks) expect(levels).toContain(`${c.clock}:breached`);
      expect(t.runnerErrors).toEqual([]);
    });

    it('a timer that fires while the ticket waits on the customer does nothing; resuming puts it back later', async () => {
      registerTicketJobs(t.ctx);
      const ticket = await openTicket(t.ctx, { description: '系统崩溃', author: customer });
      t.clock.now = T + 5 * MIN;
      await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'waiting_customer' });
      t.clock.now = T + 30 * MIN;
      expect(await t.ctx.jobs.runDue()).toBe(0);
      await changeTicket(t.ctx, ticket.id, asAgent(), { status: 'in_progress' });
      // 5 minutes used before the wait: 80 % (12 min) is 7 minutes after resuming.
      expect((await job(ticket.id, 'response', 'at_risk'))?.runAt).toBe(T + 37 * MIN);
      t.clock.now = T + 37 * MIN;
      expect(await t.ctx.jobs.runDue()).toBeGreaterThan(0);
      expect(t.pushes.filter((p) => p.event === 'ticketAlert').map((p) => p.payload.kind)).toEqual(['at_risk']);
    });
  });
});
