/** Hands a conversation to the human queue: state queued, department and priority, a notice with the position. */
import type { KefuContext } from '../context.ts';
import type { ConversationPatch, ConversationRecord } from '../storage/storage.ts';
import { postMessage, pushQueue } from './broadcast.ts';
import { queuePosition } from './views.ts';
import { TEXTS, t } from './texts.ts';

export interface EnqueueOptions {
  /** More changes stored with the transition (the language the visitor asked in). */
  patch?: ConversationPatch;
  /** The bot turn this handoff answers: settled with the queue notice (or anyway, when nothing changed). */
  settlesTurn?: number;
}

/** Already queued or assigned conversations are returned as they are. */
export async function enqueue(ctx: KefuContext, conv: ConversationRecord, options: EnqueueOptions = {}): Promise<ConversationRecord> {
  const now = ctx.now();
  const queued = await ctx.storage.transitionConversation(
    conv.id,
    ['bot', 'closed', 'ticket'],
    { ...options.patch, state: 'queued', department: conv.department ?? 'general', priority: 0, queuedAt: now, flow: null, assignedAgentId: null, closedAt: null },
    now,
  );
  if (!queued) {
    if (options.settlesTurn !== undefined) await ctx.storage.settleTurn(conv.id, options.settlesTurn);
    return (await ctx.storage.getConversation(conv.id)) ?? conv;
  }
  const position = (await queuePosition(ctx, queued)) ?? 1;
  const lang = queued.lang ?? 'zh-CN';
  const { conversation } = await postMessage(ctx, queued, {
    author: 'system',
    text: t(TEXTS.queued, lang, { position }),
    meta: { notice: 'queued', position },
    ...(options.settlesTurn !== undefined ? { settlesTurn: options.settlesTurn } : {}),
  });
  await pushQueue(ctx);
  return conversation;
}
