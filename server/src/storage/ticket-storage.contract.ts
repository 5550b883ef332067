/** Ticket storage behaviour every Storage implementation must show; registered inside the storage contract. */
import { describe, expect, it } from 'vitest';
import type { Storage } from './storage.ts';
import type { StoredClock, TicketQuery } from './ticket-storage.ts';

const T = 1_764_460_800_000;

const clock = (name: StoredClock['clock'], dueAt: number): StoredClock => ({ clock: name, startedAt: T, basis: 'elapsed', promisedMs: dueAt - T, dueAt, state: 'ok' });

export function describeTicketStorage(storage: () => Storage): void {
  describe('tickets', () => {
    it('writes every field of a new ticket and its first events in order', async () => {
      const s = storage();
      const agent = await s.createAgent({ email: 'li@kefu.test', name: '李客服', role: 'agent', passwordHash: 'h', now: T });
      const clocks = [clock('response', T + 15 * 60_000), clock('fix', T + 24 * 3_600_000)];
      const t = await s.createTicket({
        day: '20261130',
        createdAt: T,
        title: '系统崩溃',
        description: '  我要投诉，系统崩溃两天了，数据全丢了！\n请尽快 ',
        category: 'technical',
        department: 'complaints',
        tier: 'urgent',
        plan: 'enterprise',
        priority: true,
        kind: 'complaint',
        requesterName: '王女士',
        requesterEmail: 'wang@example.com',
        requesterPhone: '13800000000',
        assigneeId: agent.id,
        clocks,
        nextDueAt: T + 15 * 60_000,
        events: [
          { type: 'created', public: true, authorKind: 'customer', authorName: '王女士', text: '留言', createdAt: T },
          { type: 'note', public: false, authorKind: 'system', text: '自动分级：紧急', data: { to: 'urgent' }, createdAt: T },
        ],
      });
      expect(t).toEqual({
        id: t.id,
        number: 'T20261130-0001',
        status: 'open',
        title: '系统崩溃',
        description: '  我要投诉，系统崩溃两天了，数据全丢了！\n请尽快 ',
        category: 'technical',
        department: 'complaints',
        tier: 'urgent',
        plan: 'enterprise',
        priority: true,
        kind: 'complaint',
        requesterName: '王女士',
        requesterEmail: 'wang@example.com',
        requesterPhone: '13800000000',
        assigneeId: agent.id,
        reopenCount: 0,
        pauses: [],
        clocks,
        nextDueAt: T + 15 * 60_000,
        slaState: 'ok',
        revision: 0,
        createdAt: T,
        updatedAt: T,
      });
      expect(await s.getTicket(t.id)).toEqual(t);
      expect(await s.getTicket('nobody')).toBeUndefined();
      const events = await s.listTicketEvents(t.id);
      expect(events.map((e) => [e.type, e.public, e.authorKind, e.text, e.data])).toEqual([
        ['created', true, 'customer', '留言', {}],
        ['note', false, 'system', '自动分级：紧急', { to: 'urgent' }],
      ]);
      expect(events[0]).toMatchObject({ ticketId: t.id, authorName: '王女士', createdAt: T });
    });

    it('defaults a bare ticket to an open, normal fault on the free plan with no clock', async () => {
      const s = storage();
      const t = await s.createTicket({ day: '20261130', createdAt: T });
      expect(t).toMatchObject({ status: 'open', title: '', tier: 'normal', plan: 'free', priority: false, kind: 'fault', reopenCount: 0, clocks: [], slaState: 'ok' });
      expect(t.nextDueAt).toBeUndefined();
      expect(await s.listTicketEvents(t.id)).toEqual([]);
    });

    it('updates only at the expected revision, with its events in the same write; null clears', async () => {
      const s = storage();
      const agent = await s.createAgent({ email: 'a@kefu.test', name: 'A', role: 'agent', passwordHash: 'h', now: T });
      const t = await s.createTicket({ day: '20261130', createdAt: T, department: 'tech', assigneeId: agent.id, nextDueAt: T + 100 });
      const paused = await s.updateTicket(
        t.id,
        0,
        { status: 'waiting_customer', pausedAt: T + 10, nextDueAt: null, slaState: 'at_risk', clocks: [clock('response', T + 100)] },
        [{ type: 'status', public: true, authorKind: 'agent', authorId: agent.id, authorName: 'A', data: { from: 'open', to: 'waiting_customer' }, createdAt: T + 10 }],
        T + 10,
      );
      expect(paused).toMatchObject({ status: 'waiting_customer', pausedAt: T + 10, slaState: 'at_risk', revision: 1, updatedAt: T + 10 });
      expect(paused!.nextDueAt).toBeUndefined();
      // A stale writer (still at revision 0) changes nothing and adds no event.
      expect(await s.updateTicket(t.id, 0, { status: 'closed' }, [{ type: 'status', public: true, authorKind: 'system', createdAt: T + 11 }], T + 11)).toBeUndefined();
      expect(await s.updateTicket('nobody', 0, { status: 'closed' }, [], T + 11)).toBeUndefined();
      const resumed = await s.updateTicket(
        t.id,
        1,
        { status: 'in_progress', pausedAt: null, pauses: [{ from: T + 10, to: T + 50 }], nextDueAt: T + 140, assigneeId: null, department: null, tier: 'severe', reopenCount: 2, escalatedAt: T + 50, resolvedAt: null },
        [],
        T + 50,
      );
      expect(resumed).toMatchObject({ status: 'in_progress', pauses: [{ from: T + 10, to: T + 50 }], nextDueAt: T + 140, tier: 'severe', reopenCount: 2, escalatedAt: T + 50, revision: 2 });
      expect(resumed!.pausedAt).toBeUndefined();
      expect(resumed!.assigneeId).toBeUndefined();
      expect(resumed!.department).toBeUndefined();
      expect(await s.getTicket(t.id)).toEqual(resumed);
      // An empty change still records its events (a note) and moves the revision.
      const noted = await s.updateTicket(t.id, 2, {}, [{ type: 'note', public: false, authorKind: 'agent', authorId: agent.id, text: '内部备注', createdAt: T + 60 }], T + 60);
      expect(noted).toMatchObject({ revision: 3, updatedAt: T + 60 });
      expect((await s.listTicketEvents(t.id)).map((e) => [e.type, e.text, e.data])).toEqual([
        ['status', undefined, { from: 'open', to: 'waiting_customer' }],
        ['note', '内部备注', {}],
      ]);
    });

    it('lists by filters, due soonest first (no running clock last), newest first, a page at a time', async () => {
      const s = storage();
      const li = await s.createAgent({ email: 'li@kefu.test', name: '李', role: 'agent', passwordHash: 'h', now: T });
      const wang = await s.createAgent({ email: 'wang@kefu.test', name: '王', role: 'agent', passwordHash: 'h', now: T });
      const make = async (n: number, fields: Parameters<Storage['createTicket']>[0] extends infer N ? Partial<N> : never) =>
        s.createTicket({ day: '20261130', createdAt: T + n, ...fields });
      const a = await make(1, { tier: 'urgent', department: 'tech', assigneeId: li.id, nextDueAt: T + 500 });
      const b = await make(2, { tier: 'normal', department: 'tech', nextDueAt: T + 100 });
      const c = await make(3, { tier: 'severe', department: 'billing', assigneeId: wang.id, nextDueAt: T + 300, kind: 'complaint' });
      const d = await make(4, { tier: 'normal', department: 'billing' });
      const e = await make(5, { tier: 'urgent', department: 'billing', nextDueAt: T + 300 });
      await s.updateTicket(c.id, 0, { slaState: 'breached' }, [], T + 10);
      await s.updateTicket(a.id, 0, { slaState: 'at_risk' }, [], T + 11);
      const done = await make(6, { department: 'tech' });
      await s.updateTicket(done.id, 0, { status: 'resolved' }, [], T + 12);

      const ids = async (q: Partial<TicketQuery>) => (await s.listTickets({ sort: 'due', limit: 50, ...q })).map((t) => t.number);
      const active = ['open', 'in_progress', 'waiting_customer'] as const;
      // c and e share a due time: told apart by id.
      const [firstTie, secondTie] = [c, e].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(await ids({ statuses: active })).toEqual([b.number, firstTie!.number, secondTie!.number, a.number, d.number]);
      expect(await ids({ statuses: ['resolved'] })).toEqual([done.number]);
      expect(await ids({ statuses: active, tiers: ['urgent'] })).toEqual([e.number, a.number]);
      expect(await ids({ kinds: ['complaint'] })).toEqual([c.number]);
      expect(await ids({ statuses: active, assigneeId: null })).toEqual([b.number, e.number, d.number]);
      expect(await ids({ assigneeId: wang.id })).toEqual([c.number]);
      expect(await ids({ statuses: active, department: 'tech' })).toEqual([b.number, a.number]);
      expect(await ids({ sla: 'at_risk' })).toEqual([c.number, a.number]);
      expect(await ids({ sla: 'breached' })).toEqual([c.number]);
      // An agent sees their departments' tickets and their own.
      expect(await ids({ statuses: active, visibleTo: { agentId: wang.id, departments: ['tech'] } })).toEqual([b.number, c.number, a.number]);
      expect(await ids({ statuses: active, visibleTo: { agentId: li.id, departments: [] } })).toEqual([a.number]);

      const created = await s.listTickets({ sort: 'created', limit: 2 });
      expect(created.map((t) => t.number)).toEqual([done.number, e.number]);
      const next = await s.listTickets({ sort: 'created', limit: 10, after: { key: e.createdAt, id: e.id } });
      expect(next.map((t) => t.number)).toEqual([d.number, c.number, b.number, a.number]);

      const page1 = await s.listTickets({ statuses: active, sort: 'due', limit: 2 });
      const last = page1.at(-1)!;
      const page2 = await s.listTickets({ statuses: active, sort: 'due', limit: 10, after: { key: last.nextDueAt!, id: last.id } });
      expect([...page1, ...page2].map((t) => t.number)).toEqual(await ids({ statuses: active }));
      const noDue = await s.listTickets({ statuses: active, sort: 'due', limit: 10, after: { key: a.nextDueAt!, id: a.id } });
      expect(noDue.map((t) => t.number)).toEqual([d.number]);
      const updated = await s.listTickets({ sort: 'updated', limit: 1 });
      expect(updated.map((t) => t.number)).toEqual([done.number]);
    });

    it('sums the tickets created in a period per tier: resolved, how long it took and how many without escalation, first answers, clocks kept and broken', async () => {
      const s = storage();
      const M = 60_000;
      const at = (startedAt: number, name: StoredClock['clock'], promisedMin: number, doneAfterMin?: number, breached = false): StoredClock => ({
        clock: name,
        startedAt,
        basis: 'elapsed',
        promisedMs: promisedMin * M,
        dueAt: startedAt + promisedMin * M,
        ...(doneAfterMin === undefined ? {} : { metAt: startedAt + doneAfterMin * M }),
        state: breached ? 'breached' : 'ok',
      });
      let n = 0;
      const ticket = async (tier: 'urgent' | 'severe' | 'normal', createdAt: number, clocks: StoredClock[], resolvedAfterMin?: number, escalated = false): Promise<void> => {
        const t = await s.createTicket({ day: '20261201', createdAt, title: `t${++n}`, tier, clocks });
        const done = createdAt + (resolvedAfterMin ?? 0) * M;
        if (resolvedAfterMin !== undefined) await s.updateTicket(t.id, t.revision, { status: 'resolved', resolvedAt: done, ...(escalated ? { escalatedAt: createdAt + M } : {}) }, [], done);
      };
      // Urgent: replies after 10 and 20 minutes (the second breached its 15), resolved after 2 and 4 hours, the second
      // only after it was escalated.
      await ticket('urgent', T, [at(T, 'response', 15, 10), at(T, 'fix', 300, 120)], 120);
      await ticket('urgent', T + M, [at(T + M, 'response', 15, 20, true), at(T + M, 'fix', 300, 240)], 240, true);
      // A complaint accepted after 30 minutes, its investigation overdue and not done; a fault nobody answered yet.
      await ticket('normal', T + 2 * M, [at(T + 2 * M, 'acceptance', 60, 30), at(T + 2 * M, 'investigation', 120, undefined, true)]);
      await ticket('severe', T + 3 * M, [at(T + 3 * M, 'response', 60)]);
      // Before the period, and at its end (excluded).
      await ticket('urgent', T - 1, [at(T - 1, 'response', 15, 1)], 1);
      await ticket('normal', T + 10 * M, [at(T + 10 * M, 'acceptance', 60, 5)]);

      const totals = await s.ticketTotals(T, T + 10 * M);
      expect(totals.sort((a, b) => a.tier.localeCompare(b.tier))).toEqual([
        { tier: 'normal', created: 1, resolved: 0, resolutionMs: 0, firstLine: 0, answered: 1, answerMs: 30 * M, clocksMet: 1, clocksMissed: 1 },
        { tier: 'severe', created: 1, resolved: 0, resolutionMs: 0, firstLine: 0, answered: 0, answerMs: 0, clocksMet: 0, clocksMissed: 0 },
        { tier: 'urgent', created: 2, resolved: 2, resolutionMs: 360 * M, firstLine: 1, answered: 2, answerMs: 30 * M, clocksMet: 3, clocksMissed: 1 },
      ]);
      expect(await s.ticketTotals(T + 20 * M, T + 30 * M)).toEqual([]);
    });
  });
}
