/** Canned replies in PostgreSQL: the team's (no owner) and each agent's own. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CannedReplyPatch, CannedReplyRecord } from '../storage.ts';
import { toNumber } from './pg-rows.ts';

interface PgCannedReplyRow {
  id: string;
  owner_agent_id: string | null;
  shortcut: string | null;
  title: string;
  text: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, owner_agent_id, shortcut, title, text, created_at, updated_at';

const toCannedReply = (r: PgCannedReplyRow): CannedReplyRecord => ({
  id: r.id,
  ...(r.owner_agent_id === null ? {} : { ownerAgentId: r.owner_agent_id }),
  ...(r.shortcut === null ? {} : { shortcut: r.shortcut }),
  title: r.title,
  text: r.text,
  createdAt: toNumber(r.created_at),
  updatedAt: toNumber(r.updated_at),
});

export async function listCannedReplies(pool: pg.Pool, agentId: string): Promise<CannedReplyRecord[]> {
  const { rows } = await pool.query<PgCannedReplyRow>(
    `SELECT ${COLUMNS} FROM canned_replies WHERE owner_agent_id IS NULL OR owner_agent_id = $1
     ORDER BY owner_agent_id IS NOT NULL, created_at, ord`,
    [agentId],
  );
  return rows.map(toCannedReply);
}

export async function getCannedReply(pool: pg.Pool, id: string): Promise<CannedReplyRecord | undefined> {
  const { rows } = await pool.query<PgCannedReplyRow>(`SELECT ${COLUMNS} FROM canned_replies WHERE id = $1`, [id]);
  return rows[0] && toCannedReply(rows[0]);
}

export async function countCannedReplies(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM canned_replies');
  return toNumber(rows[0]!.n);
}

export async function createCannedReply(
  pool: pg.Pool,
  input: { ownerAgentId?: string; shortcut?: string; title: string; text: string; now: number },
): Promise<CannedReplyRecord> {
  const { rows } = await pool.query<PgCannedReplyRow>(
    `INSERT INTO canned_replies (id, owner_agent_id, shortcut, title, text, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
    [randomUUID(), input.ownerAgentId ?? null, input.shortcut ?? null, input.title, input.text, input.now],
  );
  return toCannedReply(rows[0]!);
}

export async function updateCannedReply(pool: pg.Pool, id: string, patch: CannedReplyPatch, now: number): Promise<CannedReplyRecord | undefined> {
  const { rows } = await pool.query<PgCannedReplyRow>(
    `UPDATE canned_replies SET shortcut = CASE WHEN $1 THEN $2 ELSE shortcut END,
       title = COALESCE($3, title), text = COALESCE($4, text), updated_at = $5 WHERE id = $6 RETURNING ${COLUMNS}`,
    [patch.shortcut !== undefined, patch.shortcut ?? null, patch.title ?? null, patch.text ?? null, now, id],
  );
  return rows[0] && toCannedReply(rows[0]);
}

export async function deleteCannedReply(pool: pg.Pool, id: string): Promise<boolean> {
  return ((await pool.query('DELETE FROM canned_replies WHERE id = $1', [id])).rowCount ?? 0) > 0;
}
