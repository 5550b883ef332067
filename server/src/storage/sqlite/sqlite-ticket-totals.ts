/** The ticket figures of 报表 / Reports in SQLite (the same SQL as PostgreSQL's, `?` placeholders, `json_each`). */
import { TICKET_CLOCKS_SQL, TICKET_COUNTS_SQL, ticketTierTotals, type TicketClocksRow, type TicketCountsRow } from '../ticket-totals-sql.ts';
import type { TicketTierTotals } from '../ticket-storage.ts';
import type { SqliteQueries } from './sqlite-team.ts';

export async function ticketTotals(q: SqliteQueries, from: number, to: number): Promise<TicketTierTotals[]> {
  return ticketTierTotals(q.all<TicketCountsRow>(TICKET_COUNTS_SQL('?', '?'), from, to), q.all<TicketClocksRow>(TICKET_CLOCKS_SQL('?', '?', 'json_each'), from, to));
}
