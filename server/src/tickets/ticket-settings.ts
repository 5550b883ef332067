/**
 * Where tickets go and what their clocks read. The escalation group is the 投诉与建议 department
 * (`complaints`): seed 002 sends escalated problems to a committee and seeds 000/003 have major
 * complaints followed by the head of service, whose team that department is. An escalated ticket
 * moves there (its assignee keeps it) and every member, every supervisor and every admin is told.
 */
import type { KefuContext } from '../context.ts';
import { readServiceHours } from '../hours/service-hours-store.ts';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../sla/sla-policy.ts';
import { workingCalendar, type WorkingCalendar } from '../sla/working-days.ts';

export const ESCALATION_DEPARTMENT = 'complaints';
/** Complaints and suggestions are handled by 投诉与建议. */
export const COMPLAINTS_DEPARTMENT = 'complaints';

export const SLA_POLICY: SlaPolicy = DEFAULT_SLA_POLICY;

/** Working days from the stored service hours (their holidays and 调休), in the service time zone. */
export async function ticketCalendar(ctx: Pick<KefuContext, 'storage' | 'config'>): Promise<WorkingCalendar> {
  return workingCalendar(await readServiceHours(ctx.storage), ctx.config.timeZone);
}
