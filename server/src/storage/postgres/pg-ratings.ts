/** Ticket ratings and the rating summaries in PostgreSQL. */
import type pg from 'pg';
import { SATISFIED_SQL, type NewTicketRating, type RatingBucket, type RatingComment, type RatingSummaryRecord, type TicketRatingRecord } from '../rating-storage.ts';
import { toNumber } from './pg-rows.ts';

interface PgTicketRatingRow {
  ticket_id: string;
  rating: number;
  comment: string | null;
  agent_id: string | null;
  department: string | null;
  tier: TicketRatingRecord['tier'];
  created_at: string;
}

const toRating = (r: PgTicketRatingRow): TicketRatingRecord => ({
  ticketId: r.ticket_id,
  rating: r.rating,
  ...(r.comment !== null ? { comment: r.comment } : {}),
  ...(r.agent_id !== null ? { agentId: r.agent_id } : {}),
  ...(r.department !== null ? { department: r.department } : {}),
  tier: r.tier,
  createdAt: toNumber(r.created_at),
});

export async function rateTicket(pool: pg.Pool, input: NewTicketRating): Promise<TicketRatingRecord | undefined> {
  const { rows } = await pool.query<PgTicketRatingRow>(
    `INSERT INTO ticket_ratings (ticket_id, rating, comment, agent_id, department, tier, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (ticket_id) DO NOTHING RETURNING *`,
    [input.ticketId, input.rating, input.comment ?? null, input.agentId ?? null, input.department ?? null, input.tier, input.createdAt],
  );
  return rows[0] && toRating(rows[0]);
}

export async function getTicketRating(pool: pg.Pool, ticketId: string): Promise<TicketRatingRecord | undefined> {
  const { rows } = await pool.query<PgTicketRatingRow>('SELECT * FROM ticket_ratings WHERE ticket_id = $1', [ticketId]);
  return rows[0] && toRating(rows[0]);
}

type PgBucketRow = { key: string | null; count: string; sum: string; satisfied: string };
const toBucket = (r: PgBucketRow): RatingBucket => ({ key: r.key, count: toNumber(r.count), sum: toNumber(r.sum), satisfied: toNumber(r.satisfied) });

export async function ratingSummary(pool: pg.Pool, from: number, to: number): Promise<RatingSummaryRecord> {
  const tickets = async (column: string): Promise<RatingBucket[]> =>
    (
      await pool.query<PgBucketRow>(
        `SELECT ${column} AS key, COUNT(*) AS count, SUM(rating) AS sum, ${SATISFIED_SQL} FROM ticket_ratings WHERE created_at >= $1 AND created_at < $2 GROUP BY ${column} ORDER BY ${column}`,
        [from, to],
      )
    ).rows.map(toBucket);
  const chats = async (column: string): Promise<RatingBucket[]> =>
    (
      await pool.query<PgBucketRow>(
        `SELECT ${column} AS key, COUNT(*) AS count, SUM(rating) AS sum, ${SATISFIED_SQL} FROM conversations
         WHERE rating IS NOT NULL AND closed_at >= $1 AND closed_at < $2 GROUP BY ${column} ORDER BY ${column}`,
        [from, to],
      )
    ).rows.map(toBucket);
  const total = (rows: RatingBucket[]) => rows.reduce((t, r) => ({ count: t.count + r.count, sum: t.sum + r.sum, satisfied: t.satisfied + r.satisfied }), { count: 0, sum: 0, satisfied: 0 });
  const [byTier, byAgent, byDepartment, chatByAgent, chatByDepartment] = await Promise.all([
    tickets('tier'),
    tickets('agent_id'),
    tickets('department'),
    chats('assigned_agent_id'),
    chats('department'),
  ]);
  return {
    tickets: { all: total(byTier), byAgent, byDepartment, byTier },
    chats: { all: total(chatByAgent), byAgent: chatByAgent, byDepartment: chatByDepartment },
  };
}

export async function listRatingComments(pool: pg.Pool, from: number, to: number, limit: number): Promise<RatingComment[]> {
  const { rows } = await pool.query<{ kind: 'ticket' | 'chat'; ref: string; rating: number; comment: string; agent_id: string | null; at: string }>(
    `SELECT 'ticket' AS kind, t.number AS ref, r.rating, r.comment, r.agent_id, r.created_at AS at
       FROM ticket_ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE r.comment IS NOT NULL AND r.created_at >= $1 AND r.created_at < $2
     UNION ALL
     SELECT 'chat', c.id, c.rating, c.rating_comment, c.assigned_agent_id, c.closed_at
       FROM conversations c WHERE c.rating IS NOT NULL AND c.rating_comment IS NOT NULL AND c.rating_comment <> '' AND c.closed_at >= $1 AND c.closed_at < $2
     ORDER BY at DESC LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((r) => ({ kind: r.kind, ref: r.ref, rating: r.rating, comment: r.comment, ...(r.agent_id !== null ? { agentId: r.agent_id } : {}), at: toNumber(r.at) }));
}
