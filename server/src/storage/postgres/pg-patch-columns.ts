/** Turns a ConversationPatch into a PostgreSQL SET clause with numbered parameters. */
import { PATCH_COLUMNS as COLUMNS, PATCH_KEYS } from '../patch-column-names.ts';
import type { ConversationPatch } from '../storage.ts';

/**
 * `updated_at` is always set; keys left undefined are not touched, `null` clears. The values are
 * appended to the caller's `params`, and the placeholders numbered after what it already holds.
 */
export function pgPatchColumns(patch: ConversationPatch, now: number, params: unknown[]): string {
  params.push(now);
  const sets: string[] = [`updated_at = $${params.length}`];
  for (const key of PATCH_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    // JSONB parameters go as JSON text: node-postgres would send a JS array as a PostgreSQL array.
    params.push(key === 'flow' && value !== null ? JSON.stringify(value) : value);
    sets.push(`${COLUMNS[key]} = $${params.length}`);
  }
  return sets.join(', ');
}
