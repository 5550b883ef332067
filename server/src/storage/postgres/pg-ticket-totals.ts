/** The ticket figures of 报表 / Reports in PostgreSQL (the same SQL as SQLite's, `$n` placeholders, `jsonb_array_elements`). */
import type pg from 'pg';
import type { TicketTier } from '@kefu/shared';
import { TICKET_CLOCKS_SQL, TICKET_COUNTS_SQL, ticketTierTotals } from '../ticket-totals-sql.ts';
import type { TicketTierTotals } from '../ticket-storage.ts';
import { toNumber } from './pg-rows.ts';

type Row<K extends string> = { tier: TicketTier } & Record<K, string>;

export async function ticketTotals(pool: pg.Pool, from: number, to: number): Promise<TicketTierTotals[]> {
  const [counts, clocks] = await Promise.all([
    pool.query<Row<'created' | 'resolved' | 'resolution' | 'first_line'>>(TICKET_COUNTS_SQL('$1', '$2'), [from, to]),
    pool.query<Row<'answered' | 'answer' | 'missed' | 'met'>>(TICKET_CLOCKS_SQL('$1', '$2', 'jsonb_array_elements'), [from, to]),
  ]);
  return ticketTierTotals(
    counts.rows.map((r) => ({ tier: r.tier, created: toNumber(r.created), resolved: toNumber(r.resolved), resolution: toNumber(r.resolution), first_line: toNumber(r.first_line) })),
    clocks.rows.map((r) => ({ tier: r.tier, answered: toNumber(r.answered), answer: toNumber(r.answer), missed: toNumber(r.missed), met: toNumber(r.met) })),
  );
}
