/** Queue waits and the long-wait offer's marker in SQLite. */
import type { ConversationRecord, QueueWaitRecord } from '../storage.ts';
import { toConversation, type ConversationRow } from './rows.ts';
import type { SqliteQueries } from './sqlite-team.ts';

interface QueueWaitRow {
  conversation_id: string;
  department: string;
  queued_at: number;
  accepted_at: number;
}

export function recordQueueWait(q: SqliteQueries, wait: QueueWaitRecord): Promise<void> {
  return q.write(() => {
    q.stmt('INSERT INTO queue_waits (conversation_id, department, queued_at, accepted_at) VALUES (?, ?, ?, ?)').run(
      wait.conversationId,
      wait.department,
      wait.queuedAt,
      wait.acceptedAt,
    );
  });
}

export async function listQueueWaits(q: SqliteQueries, department: string, since: number, limit: number): Promise<QueueWaitRecord[]> {
  return q
    .all<QueueWaitRow>(
      'SELECT * FROM queue_waits WHERE department = ? AND accepted_at >= ? ORDER BY accepted_at DESC LIMIT ?',
      department,
      since,
      limit,
    )
    .map((r) => ({ conversationId: r.conversation_id, department: r.department, queuedAt: r.queued_at, acceptedAt: r.accepted_at }));
}

export function claimLongWaitOffers(q: SqliteQueries, filter: { queuedBefore: number; id?: string }, now: number): Promise<ConversationRecord[]> {
  return q.write(() =>
    q
      .all<ConversationRow>(
        `UPDATE conversations SET long_wait_offered_at = ?
         WHERE state = 'queued' AND queued_at <= ? AND (long_wait_offered_at IS NULL OR long_wait_offered_at < queued_at)
         ${filter.id === undefined ? '' : 'AND id = ?'}
         RETURNING *`,
        now,
        filter.queuedBefore,
        ...(filter.id === undefined ? [] : [filter.id]),
      )
      .map(toConversation),
  );
}
