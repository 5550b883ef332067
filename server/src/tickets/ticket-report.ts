/**
 * How the tickets created in a period were served: how many, how many resolved, the mean time to the first reply
 * (or acceptance) and to resolution, and how many SLA clocks kept their promise, overall and per tier. The storage
 * sums them in SQL (`storage/ticket-totals-sql.ts`), so a report costs two grouped queries however many tickets a
 * period has; the means are taken here.
 */
import { TICKET_TIERS, type TicketReport, type TicketServiceLevels } from '@kefu/shared';
import type { Storage } from '../storage/storage.ts';
import type { TicketTierTotals } from '../storage/ticket-storage.ts';

type Sums = Omit<TicketTierTotals, 'tier'>;

const levels = (t: Sums): TicketServiceLevels => ({
  created: t.created,
  resolved: t.resolved,
  firstLine: t.firstLine,
  firstResponseMs: t.answered ? Math.round(t.answerMs / t.answered) : null,
  resolutionMs: t.resolved ? Math.round(t.resolutionMs / t.resolved) : null,
  clocksMet: t.clocksMet,
  clocksMissed: t.clocksMissed,
});

export async function ticketReport(storage: Storage, from: number, to: number): Promise<TicketReport> {
  const tiers = await storage.ticketTotals(from, to);
  const all: Sums = { created: 0, resolved: 0, resolutionMs: 0, firstLine: 0, answered: 0, answerMs: 0, clocksMet: 0, clocksMissed: 0 };
  for (const t of tiers) for (const key of Object.keys(all) as (keyof Sums)[]) all[key] += t[key];
  // Tiers in their order of urgency, those with tickets only.
  const byTier = TICKET_TIERS.flatMap((tier) => tiers.filter((t) => t.tier === tier)).map(({ tier, ...sums }) => ({ tier, ...levels(sums) }));
  return { from, to, all: levels(all), byTier };
}
