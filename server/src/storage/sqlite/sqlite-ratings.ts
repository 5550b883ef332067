/** Ticket ratings and the rating summaries in SQLite. */
import { SATISFIED_SQL, type NewTicketRating, type RatingBucket, type RatingComment, type RatingSummaryRecord, type TicketRatingRecord } from '../rating-storage.ts';
import type { SqliteQueries } from './sqlite-team.ts';

interface TicketRatingRow {
  ticket_id: string;
  rating: number;
  comment: string | null;
  agent_id: string | null;
  department: string | null;
  tier: TicketRatingRecord['tier'];
  created_at: number;
}

const toRating = (r: TicketRatingRow): TicketRatingRecord => ({
  ticketId: r.ticket_id,
  rating: r.rating,
  ...(r.comment !== null ? { comment: r.comment } : {}),
  ...(r.agent_id !== null ? { agentId: r.agent_id } : {}),
  ...(r.department !== null ? { department: r.department } : {}),
  tier: r.tier,
  createdAt: r.created_at,
});

export function rateTicket(q: SqliteQueries, input: NewTicketRating): Promise<TicketRatingRecord | undefined> {
  return q.write(() => {
    const row = q.get<TicketRatingRow>(
      `INSERT INTO ticket_ratings (ticket_id, rating, comment, agent_id, department, tier, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING *`,
      input.ticketId,
      input.rating,
      input.comment ?? null,
      input.agentId ?? null,
      input.department ?? null,
      input.tier,
      input.createdAt,
    );
    return row && toRating(row);
  });
}

export async function getTicketRating(q: SqliteQueries, ticketId: string): Promise<TicketRatingRecord | undefined> {
  const row = q.get<TicketRatingRow>('SELECT * FROM ticket_ratings WHERE ticket_id = ?', ticketId);
  return row && toRating(row);
}

type BucketRow = { key: string | null; count: number; sum: number; satisfied: number };

export async function ratingSummary(q: SqliteQueries, from: number, to: number): Promise<RatingSummaryRecord> {
  const tickets = (column: string): RatingBucket[] =>
    q.all<BucketRow>(`SELECT ${column} AS key, COUNT(*) AS count, SUM(rating) AS sum, ${SATISFIED_SQL} FROM ticket_ratings WHERE created_at >= ? AND created_at < ? GROUP BY ${column} ORDER BY ${column}`, from, to);
  const chats = (column: string): RatingBucket[] =>
    q.all<BucketRow>(
      `SELECT ${column} AS key, COUNT(*) AS count, SUM(rating) AS sum, ${SATISFIED_SQL} FROM conversations
       WHERE rating IS NOT NULL AND closed_at >= ? AND closed_at < ? GROUP BY ${column} ORDER BY ${column}`,
      from,
      to,
    );
  const total = (rows: RatingBucket[]) => rows.reduce((t, r) => ({ count: t.count + r.count, sum: t.sum + r.sum, satisfied: t.satisfied + r.satisfied }), { count: 0, sum: 0, satisfied: 0 });
  const byTier = tickets('tier');
  const chatByAgent = chats('assigned_agent_id');
  return {
    tickets: { all: total(byTier), byAgent: tickets('agent_id'), byDepartment: tickets('department'), byTier },
    chats: { all: total(chatByAgent), byAgent: chatByAgent, byDepartment: chats('department') },
  };
}

export async function listRatingComments(q: SqliteQueries, from: number, to: number, limit: number): Promise<RatingComment[]> {
  const rows = q.all<{ kind: 'ticket' | 'chat'; ref: string; rating: number; comment: string; agent_id: string | null; at: number }>(
    `SELECT 'ticket' AS kind, t.number AS ref, r.rating, r.comment, r.agent_id, r.created_at AS at
       FROM ticket_ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE r.comment IS NOT NULL AND r.created_at >= ? AND r.created_at < ?
     UNION ALL
     SELECT 'chat', c.id, c.rating, c.rating_comment, c.assigned_agent_id, c.closed_at
       FROM conversations c WHERE c.rating IS NOT NULL AND c.rating_comment IS NOT NULL AND c.rating_comment <> '' AND c.closed_at >= ? AND c.closed_at < ?
     ORDER BY at DESC LIMIT ?`,
    from,
    to,
    from,
    to,
    limit,
  );
  return rows.map((r) => ({ kind: r.kind, ref: r.ref, rating: r.rating, comment: r.comment, ...(r.agent_id !== null ? { agentId: r.agent_id } : {}), at: r.at }));
}
