/** Turns a ConversationPatch into a SET clause with positional parameters. */
import type { ConversationPatch } from '../storage.ts';

const COLUMNS: Record<keyof ConversationPatch, string> = {
  state: 'state',
  lang: 'lang',
  department: 'department',
  priority: 'priority',
  queuedAt: 'queued_at',
  assignedAgentId: 'assigned_agent_id',
  assignedAt: 'assigned_at',
  closedAt: 'closed_at',
  flow: 'flow_state',
};

/** `updated_at` is always set; keys left undefined are not touched, `null` clears. */
export function patchColumns(patch: ConversationPatch, now: number): { sql: string; params: unknown[] } {
  const sets: string[] = ['updated_at = ?'];
  const params: unknown[] = [now];
  for (const key of Object.keys(COLUMNS) as (keyof ConversationPatch)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${COLUMNS[key]} = ?`);
    params.push(key === 'flow' && value !== null ? JSON.stringify(value) : value);
  }
  return { sql: sets.join(', '), params };
}
