/** At start: answers the visitor messages whose bot turn the last process never ran (it was killed in between). */
import type { KefuContext } from '../context.ts';
import { scheduleBotTurn } from './schedule-bot-turn.ts';

/**
 * Call before the server accepts connections, so every resumed turn is queued ahead of any new one
 * in its conversation; the turns themselves wait for `ready` (the knowledge base's first load).
 * Each pending turn is answered once: its reply clears it in the same transaction.
 */
export async function resumePendingTurns(ctx: KefuContext, ready: Promise<unknown>): Promise<number> {
  const pending = await ctx.storage.listPendingTurns();
  for (const turn of pending) {
    scheduleBotTurn(ctx, turn, ready).catch((err: unknown) => ctx.log.error(`resumed bot turn for conversation ${turn.conversationId} failed`, err));
  }
  if (pending.length > 0) ctx.log.info(`answering ${pending.length} visitor message(s) left without a bot reply by the last stop`);
  return pending.length;
}
