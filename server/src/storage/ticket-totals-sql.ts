/**
 * The SQL of `TicketStorage.ticketTotals`, the same on SQLite and PostgreSQL but for placeholders and the function that
 * turns a ticket's clocks (a JSON array) into rows: `json_each` on SQLite, `jsonb_array_elements` on PostgreSQL, both
 * with a `value` column that `->>` reads by key. The tickets of the period come by their created-at index.
 */
import type { TicketTier } from '@kefu/shared';
import type { TicketTierTotals } from './ticket-storage.ts';

/** Per tier: tickets created, resolved, the summed time to resolution, and those resolved without being escalated. */
export const TICKET_COUNTS_SQL = (from: string, to: string): string =>
  `SELECT tier, COUNT(*) AS created,
     SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
     SUM(CASE WHEN resolved_at IS NOT NULL THEN resolved_at - created_at ELSE 0 END) AS resolution,
     SUM(CASE WHEN resolved_at IS NOT NULL AND escalated_at IS NULL THEN 1 ELSE 0 END) AS first_line
   FROM tickets WHERE created_at >= ${from} AND created_at < ${to}
   GROUP BY tier`;

/**
 * Per tier, over the clocks of the period's tickets: first answers given (a reply for faults, an acceptance for
 * complaints and suggestions) and their summed time, clocks that broke their promise (reached breached, done late or
 * not yet) and clocks done in time (a clock still running within its time counts neither way).
 */
export const TICKET_CLOCKS_SQL = (from: string, to: string, elements: 'json_each' | 'jsonb_array_elements'): string => {
  const field = (key: string): string => `(c.value ->> '${key}')`;
  const done = `${field('metAt')} IS NOT NULL`;
  const first = `${field('clock')} IN ('response', 'acceptance') AND ${done}`;
  const breached = `${field('state')} = 'breached'`;
  return `SELECT t.tier AS tier,
     SUM(CASE WHEN ${first} THEN 1 ELSE 0 END) AS answered,
     SUM(CASE WHEN ${first} THEN CAST(${field('metAt')} AS BIGINT) - CAST(${field('startedAt')} AS BIGINT) ELSE 0 END) AS answer,
     SUM(CASE WHEN ${breached} THEN 1 ELSE 0 END) AS missed,
     SUM(CASE WHEN NOT ${breached} AND ${done} THEN 1 ELSE 0 END) AS met
   FROM tickets t, ${elements}(t.clocks) AS c
   WHERE t.created_at >= ${from} AND t.created_at < ${to}
   GROUP BY t.tier`;
};

/** One row of each query, numbers already read (PostgreSQL returns sums as strings). */
export interface TicketCountsRow {
  tier: TicketTier;
  created: number;
  resolved: number;
  resolution: number;
  first_line: number;
}
export interface TicketClocksRow {
  tier: TicketTier;
  answered: number;
  answer: number;
  missed: number;
  met: number;
}

/** Both queries' rows as one total per tier (a tier with tickets always has a counts row). */
export function ticketTierTotals(counts: readonly TicketCountsRow[], clocks: readonly TicketClocksRow[]): TicketTierTotals[] {
  const byTier = new Map(clocks.map((c) => [c.tier, c]));
  return counts.map(({ tier, created, resolved, resolution, first_line }) => {
    const c = byTier.get(tier);
    return { tier, created, resolved, resolutionMs: resolution, firstLine: first_line, answered: c?.answered ?? 0, answerMs: c?.answer ?? 0, clocksMet: c?.met ?? 0, clocksMissed: c?.missed ?? 0 };
  });
}
