/** The agent half of the PostgreSQL storage: agent accounts and their sign-in sessions. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AgentPatch, AgentRecord, SessionRecord } from '../storage.ts';
import { toAgent, toNumber, type PgAgentRow } from './pg-rows.ts';

export async function createAgent(
  pool: pg.Pool,
  input: { email: string; name: string; role: AgentRecord['role']; passwordHash: string; now: number },
): Promise<AgentRecord> {
  const { rows } = await pool.query<PgAgentRow>(
    'INSERT INTO agents (id, email, name, role, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *',
    [randomUUID(), input.email, input.name, input.role, input.passwordHash, input.now],
  );
  return toAgent(rows[0]!);
}

export async function getAgent(pool: pg.Pool, column: 'id' | 'email', value: string): Promise<AgentRecord | undefined> {
  const row = (await pool.query<PgAgentRow>(`SELECT * FROM agents WHERE ${column} = $1`, [value])).rows[0];
  return row && toAgent(row);
}

export async function updateAgent(pool: pg.Pool, id: string, patch: AgentPatch, now: number): Promise<AgentRecord> {
  const row = (
    await pool.query<PgAgentRow>(
      `UPDATE agents SET password_hash = COALESCE($1, password_hash), role = COALESCE($2, role),
         name = COALESCE($3, name), capacity = COALESCE($4::integer, capacity),
         presence_at = CASE WHEN $5::text IS NOT NULL AND $5::text IS DISTINCT FROM presence THEN $7 ELSE presence_at END,
         presence = COALESCE($5::text, presence),
         disabled_at = CASE WHEN $6::boolean THEN $8::bigint ELSE disabled_at END,
         updated_at = $7 WHERE id = $9 RETURNING *`,
      [
        patch.passwordHash ?? null,
        patch.role ?? null,
        patch.name ?? null,
        patch.capacity ?? null,
        patch.presence ?? null,
        patch.disabledAt !== undefined,
        now,
        patch.disabledAt ?? null,
        id,
      ],
    )
  ).rows[0];
  if (!row) throw new Error(`agent ${id} not found`);
  return toAgent(row);
}

export async function countAgents(pool: pg.Pool, role?: AgentRecord['role']): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM agents WHERE disabled_at IS NULL AND ($1::text IS NULL OR role = $1)', [role ?? null]);
  return toNumber(rows[0]!.n);
}

export async function createSession(pool: pg.Pool, input: { tokenHash: string; agentId: string; expiresAt: number; now: number }): Promise<void> {
  await pool.query(
    'INSERT INTO sessions (token_hash, agent_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)',
    [input.tokenHash, input.agentId, input.now, input.expiresAt],
  );
}

export async function getSession(pool: pg.Pool, tokenHash: string): Promise<{ session: SessionRecord; agent: AgentRecord } | undefined> {
  const row = (
    await pool.query<PgAgentRow & { s_created_at: string; s_expires_at: string; s_last_seen_at: string }>(
      `SELECT a.*, s.created_at AS s_created_at, s.expires_at AS s_expires_at, s.last_seen_at AS s_last_seen_at
       FROM sessions s JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = $1`,
      [tokenHash],
    )
  ).rows[0];
  if (!row) return undefined;
  const { s_created_at, s_expires_at, s_last_seen_at, ...agent } = row;
  return {
    session: {
      tokenHash,
      agentId: agent.id,
      createdAt: toNumber(s_created_at),
      expiresAt: toNumber(s_expires_at),
      lastSeenAt: toNumber(s_last_seen_at),
    },
    agent: toAgent(agent),
  };
}

export async function touchSession(pool: pg.Pool, tokenHash: string, now: number): Promise<void> {
  await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at < $1', [now, tokenHash]);
}

export async function deleteSession(pool: pg.Pool, tokenHash: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteAgentSessions(pool: pg.Pool, agentId: string, exceptTokenHash?: string): Promise<number> {
  const res = await pool.query('DELETE FROM sessions WHERE agent_id = $1 AND token_hash IS DISTINCT FROM $2', [agentId, exceptTokenHash ?? null]);
  return res.rowCount ?? 0;
}

export async function deleteExpiredSessions(pool: pg.Pool, now: number, idleSince?: number): Promise<number> {
  const res = await pool.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, idleSince ?? -1]);
  return res.rowCount ?? 0;
}
