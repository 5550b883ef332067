/** The team half of the SQLite storage: agent listings and loads, invites, departments and their members. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgentLoad, AgentPatch, AgentRecord, DepartmentRecord, InviteRecord, InviteRefusal } from '../storage.ts';
import { toAgent, toDepartment, toInvite, type AgentRow, type DepartmentRow, type InviteRow } from './rows.ts';

/** What the storage lends this module: cached statements and its group-commit writer. */
export interface SqliteQueries {
  stmt(sql: string): Database.Statement;
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
  write<T>(operation: () => T): Promise<T>;
}

type LoadRow = AgentRow & { open_conversations: number; last_assigned_at: number | null };

const toLoad = ({ open_conversations, last_assigned_at, ...agent }: LoadRow): AgentLoad => ({
  agent: toAgent(agent),
  openConversations: open_conversations,
  ...(last_assigned_at === null ? {} : { lastAssignedAt: last_assigned_at }),
});

const LOADS = `SELECT a.*, COUNT(c.id) AS open_conversations, MAX(c.assigned_at) AS last_assigned_at
  FROM agents a LEFT JOIN conversations c ON c.assigned_agent_id = a.id AND c.state = 'assigned'`;

const DEPARTMENTS = `SELECT d.*, (SELECT group_concat(m.agent_id) FROM department_members m WHERE m.department = d.key) AS members FROM departments d`;

export function agentNow(q: SqliteQueries, id: string): AgentRecord | undefined {
  const row = q.get<AgentRow>('SELECT * FROM agents WHERE id = ?', id);
  return row && toAgent(row);
}

export function updateAgent(q: SqliteQueries, id: string, patch: AgentPatch, now: number): Promise<AgentRecord> {
  return q.write(() => {
    const disabled = patch.disabledAt === undefined ? undefined : patch.disabledAt;
    q.stmt(
      `UPDATE agents SET password_hash = COALESCE(?, password_hash), role = COALESCE(?, role), name = COALESCE(?, name),
         capacity = COALESCE(?, capacity),
         presence_at = CASE WHEN ? IS NOT NULL AND ? IS NOT presence THEN ? ELSE presence_at END,
         presence = COALESCE(?, presence),
         disabled_at = CASE WHEN ? THEN ? ELSE disabled_at END,
         updated_at = ? WHERE id = ?`,
    ).run(
      patch.passwordHash ?? null,
      patch.role ?? null,
      patch.name ?? null,
      patch.capacity ?? null,
      patch.presence ?? null,
      patch.presence ?? null,
      now,
      patch.presence ?? null,
      disabled === undefined ? 0 : 1,
      disabled ?? null,
      now,
      id,
    );
    const agent = agentNow(q, id);
    if (!agent) throw new Error(`agent ${id} not found`);
    return agent;
  });
}

export async function listAgentLoads(q: SqliteQueries): Promise<AgentLoad[]> {
  return q.all<LoadRow>(`${LOADS} GROUP BY a.id ORDER BY a.created_at, a.rowid`).map(toLoad);
}

export async function listOnlineAgents(q: SqliteQueries, department: string): Promise<AgentLoad[]> {
  return q
    .all<LoadRow>(
      `${LOADS} WHERE a.disabled_at IS NULL AND a.presence = 'online'
         AND EXISTS (SELECT 1 FROM department_members m WHERE m.agent_id = a.id AND m.department = ?)
       GROUP BY a.id ORDER BY open_conversations ASC, COALESCE(MAX(c.assigned_at), 0) ASC, a.presence_at ASC, a.id ASC`,
      department,
    )
    .map(toLoad);
}

export function createInvite(q: SqliteQueries, input: Omit<InviteRecord, 'usedAt'>): Promise<InviteRecord> {
  return q.write(() => {
    q.stmt(
      `INSERT INTO agent_invites (token_hash, email, role, department, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.tokenHash, input.email, input.role, input.department ?? null, input.createdBy, input.createdAt, input.expiresAt);
    return toInvite(q.get<InviteRow>('SELECT * FROM agent_invites WHERE token_hash = ?', input.tokenHash)!);
  });
}

export async function getInvite(q: SqliteQueries, tokenHash: string): Promise<InviteRecord | undefined> {
  const row = q.get<InviteRow>('SELECT * FROM agent_invites WHERE token_hash = ?', tokenHash);
  return row && toInvite(row);
}

export function acceptInvite(
  q: SqliteQueries,
  input: { tokenHash: string; name: string; passwordHash: string; now: number },
): Promise<{ agent: AgentRecord } | { refused: InviteRefusal }> {
  // One write callback runs inside one savepoint: nothing else interleaves, and a throw undoes it all.
  return q.write((): { agent: AgentRecord } | { refused: InviteRefusal } => {
    const row = q.get<InviteRow>('SELECT * FROM agent_invites WHERE token_hash = ?', input.tokenHash);
    if (!row) return { refused: 'unknown' };
    if (row.used_at !== null) return { refused: 'used' };
    if (row.expires_at <= input.now) return { refused: 'expired' };
    if (q.get('SELECT 1 FROM agents WHERE email = ?', row.email)) return { refused: 'email_taken' };
    const id = randomUUID();
    q.stmt(
      `INSERT INTO agents (id, email, name, role, password_hash, presence_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, row.email, input.name, row.role, input.passwordHash, input.now, input.now, input.now);
    q.stmt('UPDATE agent_invites SET used_at = ? WHERE token_hash = ?').run(input.now, input.tokenHash);
    if (row.department !== null) {
      q.stmt('INSERT INTO department_members (department, agent_id) SELECT key, ? FROM departments WHERE key = ?').run(id, row.department);
    }
    return { agent: agentNow(q, id)! };
  });
}

export function departmentNow(q: SqliteQueries, key: string): DepartmentRecord | undefined {
  const row = q.get<DepartmentRow>(`${DEPARTMENTS} WHERE d.key = ?`, key);
  return row && toDepartment(row);
}

export async function listDepartments(q: SqliteQueries): Promise<DepartmentRecord[]> {
  return q.all<DepartmentRow>(`${DEPARTMENTS} ORDER BY d.created_at, d.rowid`).map(toDepartment);
}

export function insertDepartment(
  q: SqliteQueries,
  input: { key: string; nameZh: string; nameEn: string; now: number },
  existing: 'refuse' | 'keep',
): Promise<DepartmentRecord | undefined> {
  return q.write(() => {
    const { changes } = q
      .stmt('INSERT INTO departments (key, name_zh, name_en, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING')
      .run(input.key, input.nameZh, input.nameEn, input.now);
    return changes === 0 && existing === 'refuse' ? undefined : departmentNow(q, input.key);
  });
}

export function updateDepartment(q: SqliteQueries, key: string, patch: { nameZh?: string; nameEn?: string }): Promise<DepartmentRecord | undefined> {
  return q.write(() => {
    q.stmt('UPDATE departments SET name_zh = COALESCE(?, name_zh), name_en = COALESCE(?, name_en) WHERE key = ?').run(patch.nameZh ?? null, patch.nameEn ?? null, key);
    return departmentNow(q, key);
  });
}

export function deleteDepartment(q: SqliteQueries, key: string): Promise<boolean> {
  return q.write(() => q.stmt('DELETE FROM departments WHERE key = ?').run(key).changes > 0);
}

export function addDepartmentMember(q: SqliteQueries, key: string, agentId: string): Promise<boolean> {
  return q.write(() => {
    if (!q.get('SELECT 1 FROM departments WHERE key = ?', key) || !q.get('SELECT 1 FROM agents WHERE id = ?', agentId)) return false;
    q.stmt('INSERT INTO department_members (department, agent_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(key, agentId);
    return true;
  });
}

export function removeDepartmentMember(q: SqliteQueries, key: string, agentId: string): Promise<boolean> {
  return q.write(() => q.stmt('DELETE FROM department_members WHERE department = ? AND agent_id = ?').run(key, agentId).changes > 0);
}
