/**
 * Tickets from before the SLA clocks (a row with none) get them at start-up, from their creation time, tier
 * and plan, with their timers; finished tickets and tickets that already run clocks are left alone. SQLite,
 * and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestSchema } from '../storage/postgres/postgres-test-schema.ts';
import { ALWAYS_OPEN, writeServiceHours } from '../hours/service-hours-store.ts';
import { openTicket } from './ticket-lifecycle.ts';
import { startMissingClocks } from './start-missing-clocks.ts';
import { slaJobKey } from './ticket-timers.ts';
import { ticketTestContextOn, type TicketTestContext } from './ticket-test-context.ts';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const MIN = 60_000;
/** Monday 30 Nov 2026, 10:00 in Shanghai. */
const T = sh('2026-11-30T10:00:00');
const pgUrl = process.env.TEST_DATABASE_URL;

for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`clocks for tickets from before the clocks (${database})`, { timeout: 60_000 }, () => {
  const schemas: TestSchema[] = [];
  let t: TicketTestContext;

  beforeEach(async () => {
    t = await ticketTestContextOn(database, T, schemas);
    await writeServiceHours(t.storage, ALWAYS_OPEN);
  });
  afterEach(async () => {
    await t.ctx.jobs.stop();
    await t.storage.close();
  });
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()));
  });

  /** A ticket row as an older version wrote it: no clocks, no due time. */
  const oldTicket = (status: 'open' | 'in_progress' | 'resolved', tier: 'urgent' | 'normal', createdAt: number) =>
    t.storage.createTicket({ day: '20261130', createdAt, title: '旧工单', description: '旧工单', tier, plan: 'free', priority: false, kind: 'fault' }).then((row) => (status === 'open' ? row : t.storage.updateTicket(row.id, row.revision, { status }, [], createdAt).then((r) => r!)));

  it('starts the clocks of open tickets from their creation, schedules their timers, and leaves the rest alone', async () => {
    const urgent = await oldTicket('in_progress', 'urgent', T - 13 * MIN);
    const normal = await oldTicket('open', 'normal', T - 60 * MIN);
    const done = await oldTicket('resolved', 'normal', T - 60 * MIN);
    const current = await openTicket(t.ctx, { description: '新工单', author: { kind: 'customer' }, tier: 'normal' });
    expect(urgent.clocks).toEqual([]);

    expect(await startMissingClocks(t.ctx)).toBe(2);

    const u = (await t.storage.getTicket(urgent.id))!;
    // 紧急: respond within 15 minutes of when it was filed, 13 minutes ago.
    expect(u.clocks.find((c) => c.clock === 'response')).toMatchObject({ startedAt: T - 13 * MIN, dueAt: T + 2 * MIN });
    expect(u.nextDueAt).toBe(T + 2 * MIN);
    // Already past 80 % of its 15 minutes when the clocks start: at risk at once.
    expect(u.slaState).toBe('at_risk');
    expect(await t.storage.getJob(slaJobKey(urgent.id, 'response', 'breached'))).toMatchObject({ runAt: T + 2 * MIN });
    // 一般: respond within 2 hours of when it was filed (the tier table binds on every plan).
    expect((await t.storage.getTicket(normal.id))!.clocks.find((c) => c.clock === 'response')).toMatchObject({ dueAt: T + 60 * MIN });
    expect((await t.storage.getTicket(done.id))!.clocks).toEqual([]);
    expect((await t.storage.getTicket(current.id))!.revision).toBe(current.revision);

    // A second start (or another node) finds nothing left to do.
    expect(await startMissingClocks(t.ctx)).toBe(0);
  });
});
