/** Canned replies in SQLite: the team's (no owner) and each agent's own. */
import { randomUUID } from 'node:crypto';
import type { CannedReplyPatch, CannedReplyRecord } from '../storage.ts';
import type { SqliteQueries } from './sqlite-team.ts';

interface CannedReplyRow {
  id: string;
  owner_agent_id: string | null;
  shortcut: string | null;
  title: string;
  text: string;
  created_at: number;
  updated_at: number;
}

const toCannedReply = (r: CannedReplyRow): CannedReplyRecord => ({
  id: r.id,
  ...(r.owner_agent_id === null ? {} : { ownerAgentId: r.owner_agent_id }),
  ...(r.shortcut === null ? {} : { shortcut: r.shortcut }),
  title: r.title,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listCannedReplies(q: SqliteQueries, agentId: string): Promise<CannedReplyRecord[]> {
  return q
    .all<CannedReplyRow>(
      `SELECT * FROM canned_replies WHERE owner_agent_id IS NULL OR owner_agent_id = ?
       ORDER BY owner_agent_id IS NOT NULL, created_at, rowid`,
      agentId,
    )
    .map(toCannedReply);
}

export function cannedReplyNow(q: SqliteQueries, id: string): CannedReplyRecord | undefined {
  const row = q.get<CannedReplyRow>('SELECT * FROM canned_replies WHERE id = ?', id);
  return row && toCannedReply(row);
}

export async function countCannedReplies(q: SqliteQueries): Promise<number> {
  return q.get<{ n: number }>('SELECT COUNT(*) AS n FROM canned_replies')!.n;
}

export function createCannedReply(
  q: SqliteQueries,
  input: { ownerAgentId?: string; shortcut?: string; title: string; text: string; now: number },
): Promise<CannedReplyRecord> {
  return q.write(() => {
    const id = randomUUID();
    q.stmt(
      'INSERT INTO canned_replies (id, owner_agent_id, shortcut, title, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.ownerAgentId ?? null, input.shortcut ?? null, input.title, input.text, input.now, input.now);
    return cannedReplyNow(q, id)!;
  });
}

export function updateCannedReply(q: SqliteQueries, id: string, patch: CannedReplyPatch, now: number): Promise<CannedReplyRecord | undefined> {
  return q.write(() => {
    q.stmt(
      `UPDATE canned_replies SET shortcut = CASE WHEN ? THEN ? ELSE shortcut END,
         title = COALESCE(?, title), text = COALESCE(?, text), updated_at = ? WHERE id = ?`,
    ).run(patch.shortcut === undefined ? 0 : 1, patch.shortcut ?? null, patch.title ?? null, patch.text ?? null, now, id);
    return cannedReplyNow(q, id);
  });
}

export function deleteCannedReply(q: SqliteQueries, id: string): Promise<boolean> {
  return q.write(() => q.stmt('DELETE FROM canned_replies WHERE id = ?').run(id).changes > 0);
}
