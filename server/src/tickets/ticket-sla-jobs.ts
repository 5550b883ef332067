/**
 * The handlers of the SLA timer jobs (ticket-timers.ts), registered on the server's job runner at
 * start-up. Each re-reads the ticket: a timer whose instant moved (a pause it did not see) is put
 * back at the right time; one whose level was already recorded, or whose clock is met, does nothing.
 */
import type { KefuContext } from '../context.ts';
import type { JobRecord } from '../storage/job-storage.ts';
import { clockStatus } from '../sla/clock-status.ts';
import { pausesOf } from './ticket-clocks.ts';
import { escalateTicket, recordSlaLevel } from './ticket-lifecycle.ts';
import { SLA_POLICY } from './ticket-settings.ts';
import { SLA_JOB_KINDS, dueTimer, syncTimers, type SlaLevel } from './ticket-timers.ts';

function handler(ctx: KefuContext, level: SlaLevel) {
  return async (job: JobRecord): Promise<void> => {
    const due = await dueTimer(ctx, job, level);
    if (!due) return;
    const { ticket, clock, calendar } = due;
    const status = clockStatus(clock, pausesOf(ticket), ctx.now(), calendar, SLA_POLICY.thresholds);
    const reached = level === 'at_risk' ? status.atRisk : level === 'breached' ? status.breached : status.escalate;
    if (!reached) {
      // Early (the clock was held meanwhile): run again at the instant it really reaches the level.
      await syncTimers(ctx, ticket, calendar);
      return;
    }
    // The running job is left for its runner to complete; the ticket's other timers follow the change.
    if (level === 'escalate') await escalateTicket(ctx, ticket.id, 'overdue', clock.clock, job.key);
    else await recordSlaLevel(ctx, ticket.id, clock.clock, level, job.key);
  };
}

/** Registers the three SLA timer kinds on `ctx.jobs`. */
export function registerTicketJobs(ctx: KefuContext): void {
  for (const level of ['at_risk', 'breached', 'escalate'] as const) ctx.jobs.register(SLA_JOB_KINDS[level], handler(ctx, level));
}
