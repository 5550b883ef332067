/** The team half of the PostgreSQL storage: agent listings and loads, invites, departments and their members. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AgentRole } from '@kefu/shared';
import type { AgentLoad, AgentRecord, DepartmentRecord, InviteRecord, InviteRefusal } from '../storage.ts';
import { toAgent, toNumber, type PgAgentRow } from './pg-rows.ts';

type Nullable<T> = T | null;

interface PgInviteRow {
  token_hash: string;
  email: string;
  role: string;
  department: Nullable<string>;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: Nullable<string>;
}

interface PgDepartmentRow {
  key: string;
  name_zh: string;
  name_en: string;
  created_at: string;
  members: string[];
}

type PgLoadRow = PgAgentRow & { open_conversations: string; last_assigned_at: Nullable<string> };

const toLoad = ({ open_conversations, last_assigned_at, ...agent }: PgLoadRow): AgentLoad => ({
  agent: toAgent(agent),
  openConversations: toNumber(open_conversations),
  ...(last_assigned_at === null ? {} : { lastAssignedAt: toNumber(last_assigned_at) }),
});

const toInvite = (r: PgInviteRow): InviteRecord => ({
  tokenHash: r.token_hash,
  email: r.email,
  role: r.role as AgentRole,
  ...(r.department === null ? {} : { department: r.department }),
  createdBy: r.created_by,
  createdAt: toNumber(r.created_at),
  expiresAt: toNumber(r.expires_at),
  ...(r.used_at === null ? {} : { usedAt: toNumber(r.used_at) }),
});

const toDepartment = (r: PgDepartmentRow): DepartmentRecord => ({
  key: r.key,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  createdAt: toNumber(r.created_at),
  members: r.members,
});

const LOADS = `SELECT a.*, COUNT(c.id) AS open_conversations, MAX(c.assigned_at) AS last_assigned_at
  FROM agents a LEFT JOIN conversations c ON c.assigned_agent_id = a.id AND c.state = 'assigned'`;

const DEPARTMENTS = `SELECT d.key, d.name_zh, d.name_en, d.created_at,
  ARRAY(SELECT m.agent_id FROM department_members m WHERE m.department = d.key) AS members FROM departments d`;

export async function listAgentLoads(pool: pg.Pool): Promise<AgentLoad[]> {
  return (await pool.query<PgLoadRow>(`${LOADS} GROUP BY a.id ORDER BY a.created_at, a.ord`)).rows.map(toLoad);
}

export async function listOnlineAgents(pool: pg.Pool, department: string): Promise<AgentLoad[]> {
  const { rows } = await pool.query<PgLoadRow>(
    `${LOADS} WHERE a.disabled_at IS NULL AND a.presence = 'online'
       AND EXISTS (SELECT 1 FROM department_members m WHERE m.agent_id = a.id AND m.department = $1)
     GROUP BY a.id ORDER BY open_conversations ASC, COALESCE(MAX(c.assigned_at), 0) ASC, a.presence_at ASC, a.id ASC`,
    [department],
  );
  return rows.map(toLoad);
}

export async function createInvite(pool: pg.Pool, input: Omit<InviteRecord, 'usedAt'>): Promise<InviteRecord> {
  const { rows } = await pool.query<PgInviteRow>(
    `INSERT INTO agent_invites (token_hash, email, role, department, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [input.tokenHash, input.email, input.role, input.department ?? null, input.createdBy, input.createdAt, input.expiresAt],
  );
  return toInvite(rows[0]!);
}

export async function getInvite(pool: pg.Pool, tokenHash: string): Promise<InviteRecord | undefined> {
  const row = (await pool.query<PgInviteRow>('SELECT * FROM agent_invites WHERE token_hash = $1', [tokenHash])).rows[0];
  return row && toInvite(row);
}

/**
 * One transaction: the invite row is locked (a second acceptance waits, then sees it used), the agent
 * created, the membership added. A unique-email race with another sign-up rolls it all back.
 */
export async function acceptInvite(
  pool: pg.Pool,
  input: { tokenHash: string; name: string; passwordHash: string; now: number },
): Promise<{ agent: AgentRecord } | { refused: InviteRefusal }> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const invite = (await client.query<PgInviteRow>('SELECT * FROM agent_invites WHERE token_hash = $1 FOR UPDATE', [input.tokenHash])).rows[0];
    const refused: InviteRefusal | undefined = !invite
      ? 'unknown'
      : invite.used_at !== null
        ? 'used'
        : toNumber(invite.expires_at) <= input.now
          ? 'expired'
          : (await client.query('SELECT 1 FROM agents WHERE email = $1', [invite.email])).rowCount
            ? 'email_taken'
            : undefined;
    if (refused || !invite) {
      await client.query('ROLLBACK');
      return { refused: refused ?? 'unknown' };
    }
    const agent = (
      await client.query<PgAgentRow>(
        `INSERT INTO agents (id, email, name, role, password_hash, presence_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING *`,
        [randomUUID(), invite.email, input.name, invite.role, input.passwordHash, input.now],
      )
    ).rows[0]!;
    await client.query('UPDATE agent_invites SET used_at = $1 WHERE token_hash = $2', [input.now, input.tokenHash]);
    if (invite.department !== null) {
      await client.query('INSERT INTO department_members (department, agent_id) SELECT key, $1 FROM departments WHERE key = $2', [agent.id, invite.department]);
    }
    await client.query('COMMIT');
    return { agent: toAgent(agent) };
  } catch (err) {
    broken = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release(broken);
  }
}

export async function getDepartment(pool: pg.Pool, key: string): Promise<DepartmentRecord | undefined> {
  const row = (await pool.query<PgDepartmentRow>(`${DEPARTMENTS} WHERE d.key = $1`, [key])).rows[0];
  return row && toDepartment(row);
}

export async function listDepartments(pool: pg.Pool): Promise<DepartmentRecord[]> {
  return (await pool.query<PgDepartmentRow>(`${DEPARTMENTS} ORDER BY d.created_at, d.ord`)).rows.map(toDepartment);
}

export async function insertDepartment(
  pool: pg.Pool,
  input: { key: string; nameZh: string; nameEn: string; now: number },
  existing: 'refuse' | 'keep',
): Promise<DepartmentRecord | undefined> {
  const res = await pool.query(
    'INSERT INTO departments (key, name_zh, name_en, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
    [input.key, input.nameZh, input.nameEn, input.now],
  );
  return res.rowCount === 0 && existing === 'refuse' ? undefined : getDepartment(pool, input.key);
}

export async function updateDepartment(pool: pg.Pool, key: string, patch: { nameZh?: string; nameEn?: string }): Promise<DepartmentRecord | undefined> {
  await pool.query('UPDATE departments SET name_zh = COALESCE($1, name_zh), name_en = COALESCE($2, name_en) WHERE key = $3', [patch.nameZh ?? null, patch.nameEn ?? null, key]);
  return getDepartment(pool, key);
}

export async function deleteDepartment(pool: pg.Pool, key: string): Promise<boolean> {
  return ((await pool.query('DELETE FROM departments WHERE key = $1', [key])).rowCount ?? 0) > 0;
}

/** One statement: inserts only when both rows exist, so a concurrent delete cannot leave a dangling member. */
export async function addDepartmentMember(pool: pg.Pool, key: string, agentId: string): Promise<boolean> {
  const { rows } = await pool.query<{ ok: boolean }>(
    `WITH target AS (SELECT d.key, a.id FROM departments d, agents a WHERE d.key = $1 AND a.id = $2),
       added AS (INSERT INTO department_members (department, agent_id) SELECT key, id FROM target ON CONFLICT DO NOTHING)
     SELECT EXISTS (SELECT 1 FROM target) AS ok`,
    [key, agentId],
  );
  return rows[0]!.ok;
}

export async function removeDepartmentMember(pool: pg.Pool, key: string, agentId: string): Promise<boolean> {
  return ((await pool.query('DELETE FROM department_members WHERE department = $1 AND agent_id = $2', [key, agentId])).rowCount ?? 0) > 0;
}
