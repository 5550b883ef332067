/** Assigning a conversation to an agent within their capacity, on PostgreSQL. */
import type pg from 'pg';
import type { ConversationState } from '@kefu/shared';
import type { ConversationPatch, ConversationRecord } from '../storage.ts';
import { pgPatchColumns } from './pg-patch-columns.ts';
import { toConversation, type PgConversationRow } from './pg-rows.ts';

export interface AssignInput {
  id: string;
  from: readonly ConversationState[];
  agentId: string;
  patch: ConversationPatch;
  now: number;
  overCapacity: boolean;
}

/**
 * Two statements in one transaction. The agent's row is locked first, so assignments to one agent queue up;
 * the update then runs with a fresh snapshot (READ COMMITTED), so its count sees every assignment committed
 * before it. In one statement the count would use a snapshot taken before the lock wait and let two nodes
 * both fill the last place. A conversation taken meanwhile fails the state condition (re-checked on its row).
 */
export async function assignConversation(pool: pg.Pool, input: AssignInput): Promise<ConversationRecord | undefined> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const agent = (await client.query<{ capacity: number }>('SELECT capacity FROM agents WHERE id = $1 AND disabled_at IS NULL FOR UPDATE', [input.agentId]))
      .rows[0];
    if (!agent) {
      await client.query('ROLLBACK');
      return undefined;
    }
    const params: unknown[] = [input.id, [...input.from], input.agentId, input.overCapacity, agent.capacity];
    const sets = pgPatchColumns({ ...input.patch, state: 'assigned', assignedAgentId: input.agentId, assignedAt: input.now }, input.now, params);
    const row = (
      await client.query<PgConversationRow>(
        `UPDATE conversations SET ${sets} WHERE id = $1 AND state = ANY($2::text[])
           AND ($4::boolean OR (SELECT COUNT(*) FROM conversations c WHERE c.assigned_agent_id = $3 AND c.state = 'assigned') < $5)
         RETURNING *`,
        params,
      )
    ).rows[0];
    await client.query('COMMIT');
    return row && toConversation(row);
  } catch (err) {
    broken = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release(broken);
  }
}
