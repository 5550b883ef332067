/** Turns a ConversationPatch into a PostgreSQL SET clause with numbered parameters. */
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

/**
 * `updated_at` is always set; keys left undefined are not touched, `null` clears. The values are
 * appended to the caller's `params`, and the placeholders numbered after what it already holds.
 */
export function pgPatchColumns(patch: ConversationPatch, now: number, params: unknown[]): string {
  params.push(now);
  const sets: string[] = [`updated_at = $${params.length}`];
  for (const key of Object.keys(COLUMNS) as (keyof ConversationPatch)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    // JSONB parameters go as JSON text: node-postgres would send a JS array as a PostgreSQL array.
    params.push(key === 'flow' && value !== null ? JSON.stringify(value) : value);
    sets.push(`${COLUMNS[key]} = $${params.length}`);
  }
  return sets.join(', ');
}
