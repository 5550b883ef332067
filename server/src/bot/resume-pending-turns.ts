/** At start: answers the visitor messages whose bot turn the last process never ran (it was killed in between). */
import { localClaim, type Claim } from '../cluster/redis-claims.ts';
import type { KefuContext } from '../context.ts';
import { scheduleBotTurn } from './schedule-bot-turn.ts';

/** Long enough for nodes started together to see each other's claims; a node started later re-checks the database. */
const CLAIM_TTL_MS = 5 * 60 * 1000;

/**
 * Call before the server accepts connections, so every resumed turn is queued ahead of any new one
 * in its conversation; the turns themselves wait for `ready` (the knowledge base's first load).
 * Each pending turn is answered once: its reply clears it in the same transaction. With several nodes
 * starting together, each turn is claimed (`claim`, in Redis) by one of them, and the claimed turn
 * checks again, inside the conversation's lock, that no node answered it meanwhile.
 */
export async function resumePendingTurns(ctx: KefuContext, ready: Promise<unknown>, claim: Claim = localClaim): Promise<number> {
  const listed = await ctx.storage.listPendingTurns();
  const pending = [];
  for (const turn of listed) if (await claim(`resume:${turn.conversationId}:${turn.seq}`, CLAIM_TTL_MS)) pending.push(turn);
  const stillPending = async (conversationId: string, seq: number) =>
    (await ctx.storage.listPendingTurns()).some((t) => t.conversationId === conversationId && t.seq === seq);
  for (const turn of pending) {
    scheduleBotTurn(ctx, turn, ready, () => stillPending(turn.conversationId, turn.seq)).catch((err: unknown) => ctx.log.error(`resumed bot turn for conversation ${turn.conversationId} failed`, err));
  }
  if (pending.length > 0) ctx.log.info(`answering ${pending.length} visitor message(s) left without a bot reply by the last stop`);
  return pending.length;
}
