/**
 * SLA timers as durable jobs (../jobs): per running clock, one job at 80 % of its promise
 * (`ticket.sla.at_risk`), one at 100 % (`ticket.sla.breach`) and one at 150 % (`ticket.sla.escalate`),
 * keyed `ticket:<id>:<clock>:<level>` so that rescheduling replaces them. They are rescheduled whenever
 * the clocks move (tier change, pause, resume, reopen) and cancelled when the ticket waits on the
 * customer, is resolved or closed, or the clock is met. A handler re-checks the ticket before acting:
 * a timer that fires late, twice, or after a change it missed does nothing wrong.
 */
import type { JobRecord } from '../storage/job-storage.ts';
import type { KefuContext } from '../context.ts';
import type { StoredClock, TicketRecord } from '../storage/ticket-storage.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import { instantAtShare, pausesOf } from './ticket-clocks.ts';
import { SLA_POLICY, ticketCalendar } from './ticket-settings.ts';
import { isActive } from './ticket-transitions.ts';

export const SLA_LEVELS = ['at_risk', 'breached', 'escalate'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

export const SLA_JOB_KINDS: Record<SlaLevel, string> = {
  at_risk: 'ticket.sla.at_risk',
  breached: 'ticket.sla.breach',
  escalate: 'ticket.sla.escalate',
};

export const slaJobKey = (ticketId: string, clock: StoredClock['clock'], level: SlaLevel) => `ticket:${ticketId}:${clock}:${level}`;

export interface SlaJobPayload {
  ticketId: string;
  clock: StoredClock['clock'];
}

const SHARE: Record<SlaLevel, number> = {
  at_risk: SLA_POLICY.thresholds.atRisk,
  breached: SLA_POLICY.thresholds.breached,
  escalate: SLA_POLICY.thresholds.escalate,
};

/** Whether the timer of `level` still has something to do for this clock. */
function pending(t: TicketRecord, c: StoredClock, level: SlaLevel): boolean {
  if (!isActive(t.status) || t.pausedAt !== undefined || c.metAt !== undefined) return false;
  if (level === 'escalate') return t.escalatedAt === undefined;
  if (level === 'at_risk') return c.state === 'ok';
  return c.state !== 'breached';
}

/**
 * Makes the ticket's jobs match its clocks: each pending level scheduled at its instant, the rest
 * cancelled, but `running` (the job whose handler made this change), which its runner completes.
 */
export async function syncTimers(ctx: Pick<KefuContext, 'storage' | 'now'>, t: TicketRecord, calendar: WorkingCalendar, running?: string): Promise<void> {
  const pauses = pausesOf(t);
  const now = ctx.now();
  const writes: Promise<unknown>[] = [];
  for (const c of t.clocks) {
    for (const level of SLA_LEVELS) {
      const key = slaJobKey(t.id, c.clock, level);
      const runAt = pending(t, c, level) ? instantAtShare(c, SHARE[level], pauses, calendar) : undefined;
      if (key === running && runAt === undefined) continue;
      const payload: SlaJobPayload = { ticketId: t.id, clock: c.clock };
      writes.push(runAt === undefined ? ctx.storage.cancelJob(key) : ctx.storage.scheduleJob({ kind: SLA_JOB_KINDS[level], key, runAt, payload: { ...payload }, now }));
    }
  }
  await Promise.all(writes);
}

/** Cancels every timer of the ticket's clocks. */
export async function cancelTimers(ctx: Pick<KefuContext, 'storage'>, t: TicketRecord): Promise<void> {
  await Promise.all(t.clocks.flatMap((c) => SLA_LEVELS.map((level) => ctx.storage.cancelJob(slaJobKey(t.id, c.clock, level)))));
}

/** The handler's view of a due timer: the ticket and clock, or nothing to do. */
export async function dueTimer(ctx: KefuContext, job: JobRecord, level: SlaLevel): Promise<{ ticket: TicketRecord; clock: StoredClock; calendar: WorkingCalendar } | undefined> {
  const { ticketId, clock: name } = job.payload as unknown as SlaJobPayload;
  const ticket = await ctx.storage.getTicket(ticketId);
  const clock = ticket?.clocks.find((c) => c.clock === name);
  if (!ticket || !clock || !pending(ticket, clock, level)) return undefined;
  return { ticket, clock, calendar: await ticketCalendar(ctx) };
}
