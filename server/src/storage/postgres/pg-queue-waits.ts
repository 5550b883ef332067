/** Queue waits and the long-wait offer's marker in PostgreSQL. */
import type pg from 'pg';
import type { ConversationRecord, QueueWaitRecord } from '../storage.ts';
import { toConversation, toNumber, type PgConversationRow } from './pg-rows.ts';

interface PgQueueWaitRow {
  conversation_id: string;
  department: string;
  queued_at: string;
  accepted_at: string;
}

export async function recordQueueWait(pool: pg.Pool, wait: QueueWaitRecord): Promise<void> {
  await pool.query('INSERT INTO queue_waits (conversation_id, department, queued_at, accepted_at) VALUES ($1, $2, $3, $4)', [
    wait.conversationId,
    wait.department,
    wait.queuedAt,
    wait.acceptedAt,
  ]);
}

export async function listQueueWaits(pool: pg.Pool, department: string, since: number, limit: number): Promise<QueueWaitRecord[]> {
  const { rows } = await pool.query<PgQueueWaitRow>(
    'SELECT * FROM queue_waits WHERE department = $1 AND accepted_at >= $2 ORDER BY accepted_at DESC LIMIT $3',
    [department, since, limit],
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, department: r.department, queuedAt: toNumber(r.queued_at), acceptedAt: toNumber(r.accepted_at) }));
}

/** Under READ COMMITTED a second node's update re-checks the condition on the row the first one changed, and skips it. */
export async function claimLongWaitOffers(pool: pg.Pool, filter: { queuedBefore: number; id?: string }, now: number): Promise<ConversationRecord[]> {
  const { rows } = await pool.query<PgConversationRow>(
    `UPDATE conversations SET long_wait_offered_at = $1
     WHERE state = 'queued' AND queued_at <= $2 AND (long_wait_offered_at IS NULL OR long_wait_offered_at < queued_at)
     ${filter.id === undefined ? '' : 'AND id = $3'}
     RETURNING *`,
    filter.id === undefined ? [now, filter.queuedBefore] : [now, filter.queuedBefore, filter.id],
  );
  return rows.map(toConversation);
}
