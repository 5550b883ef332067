/** Which column each ConversationPatch field writes, for the SQLite and PostgreSQL SET clauses alike. */
import type { ConversationPatch } from './storage.ts';

export const PATCH_COLUMNS: Record<keyof ConversationPatch, string> = {
  state: 'state',
  lang: 'lang',
  department: 'department',
  priority: 'priority',
  queuedAt: 'queued_at',
  assignedAgentId: 'assigned_agent_id',
  assignedAt: 'assigned_at',
  closedAt: 'closed_at',
  flow: 'flow_state',
  preview: 'last_message',
};

/** The patch's fields that are set, in a fixed order (undefined keeps a column, null clears it). */
export const PATCH_KEYS = Object.keys(PATCH_COLUMNS) as (keyof ConversationPatch)[];
