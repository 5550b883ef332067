/** SQL pieces both databases share for tickets: the columns an update writes, and a list's filters and order. */
import { NO_DUE_KEY, type TicketChange, type TicketQuery } from './ticket-storage.ts';

type Dialect = 'sqlite' | 'postgres';

export interface ColumnValue {
  column: string;
  value: unknown;
  /** PostgreSQL: the JSONB columns take their text with a cast. */
  json?: boolean;
}

/** The columns `change` writes, in a fixed order; JSON columns as text. */
export function ticketChangeColumns(change: TicketChange, dialect: Dialect): ColumnValue[] {
  const out: ColumnValue[] = [];
  const put = (column: string, value: unknown, json = false) => out.push({ column, value, json });
  if (change.status !== undefined) put('status', change.status);
  if (change.title !== undefined) put('title', change.title);
  if (change.category !== undefined) put('category', change.category);
  if (change.department !== undefined) put('department', change.department);
  if (change.tier !== undefined) put('tier', change.tier);
  if (change.plan !== undefined) put('plan', change.plan);
  // SQLite keeps booleans as 0/1; PostgreSQL has a boolean column.
  if (change.priority !== undefined) put('priority', dialect === 'sqlite' ? (change.priority ? 1 : 0) : change.priority);
  if (change.assigneeId !== undefined) put('assignee_id', change.assigneeId);
  if (change.reopenCount !== undefined) put('reopen_count', change.reopenCount);
  if (change.escalatedAt !== undefined) put('escalated_at', change.escalatedAt);
  if (change.pausedAt !== undefined) put('paused_at', change.pausedAt);
  if (change.pauses !== undefined) put('pauses', JSON.stringify(change.pauses), true);
  if (change.clocks !== undefined) put('clocks', JSON.stringify(change.clocks), true);
  if (change.nextDueAt !== undefined) put('due_key', change.nextDueAt ?? NO_DUE_KEY);
  if (change.slaState !== undefined) put('sla_state', change.slaState);
  if (change.resolvedAt !== undefined) put('resolved_at', change.resolvedAt);
  return out;
}

/**
 * WHERE and ORDER BY of a list page. `param(n)` writes the n-th placeholder (1-based). Keyset:
 * due soonest ascending by (due_key, id); created/updated newest first by (column, id) descending.
 */
export function ticketListWhere(query: TicketQuery, param: (n: number) => string, dialect: Dialect): { where: string; params: unknown[]; orderBy: string } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return param(params.length);
  };
  const list = (values: readonly string[]) => (dialect === 'postgres' ? `= ANY(${p([...values])}::text[])` : `IN (SELECT value FROM json_each(${p(JSON.stringify(values))}))`);
  const conds: string[] = [];
  if (query.statuses?.length) conds.push(`status ${list(query.statuses)}`);
  if (query.tiers?.length) conds.push(`tier ${list(query.tiers)}`);
  if (query.kinds?.length) conds.push(`kind ${list(query.kinds)}`);
  if (query.assigneeId === null) conds.push('assignee_id IS NULL');
  else if (query.assigneeId !== undefined) conds.push(`assignee_id = ${p(query.assigneeId)}`);
  if (query.department !== undefined) conds.push(`department = ${p(query.department)}`);
  if (query.sla === 'at_risk') conds.push(`sla_state IN ('at_risk', 'breached')`);
  if (query.sla === 'breached') conds.push(`sla_state = 'breached'`);
  if (query.visibleTo) {
    const mine = `assignee_id = ${p(query.visibleTo.agentId)}`;
    conds.push(query.visibleTo.departments.length ? `(${mine} OR department ${list(query.visibleTo.departments)})` : mine);
  }
  const column = query.sort === 'due' ? 'due_key' : query.sort === 'created' ? 'created_at' : 'updated_at';
  const ascending = query.sort === 'due';
  if (query.after) {
    const k = p(query.after.key);
    const k2 = p(query.after.key);
    const id = p(query.after.id);
    conds.push(ascending ? `(${column} > ${k} OR (${column} = ${k2} AND id > ${id}))` : `(${column} < ${k} OR (${column} = ${k2} AND id < ${id}))`);
  }
  const dir = ascending ? 'ASC' : 'DESC';
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, orderBy: `${column} ${dir}, id ${dir}` };
}
