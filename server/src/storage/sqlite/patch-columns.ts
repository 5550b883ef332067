/** Turns a ConversationPatch into a SET clause with positional parameters. */
import { PATCH_COLUMNS as COLUMNS, PATCH_KEYS } from '../patch-column-names.ts';
import type { ConversationPatch } from '../storage.ts';

/** `updated_at` is always set; keys left undefined are not touched, `null` clears. */
export function patchColumns(patch: ConversationPatch, now: number): { sql: string; params: unknown[] } {
  const sets: string[] = ['updated_at = ?'];
  const params: unknown[] = [now];
  for (const key of PATCH_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${COLUMNS[key]} = ?`);
    params.push(key === 'flow' && value !== null ? JSON.stringify(value) : value);
  }
  return { sql: sets.join(', '), params };
}
