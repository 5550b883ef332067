/** Hands a conversation to the human queue: state queued, department and priority, a notice with the position. */
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { postMessage, pushQueue } from './broadcast.ts';
import { queuePosition } from './views.ts';
import { TEXTS, t } from './texts.ts';

/** Already queued or assigned conversations are returned as they are. */
export async function enqueue(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord> {
  const now = ctx.now();
  const queued = await ctx.storage.transitionConversation(
    conv.id,
    ['bot', 'closed', 'ticket'],
    { state: 'queued', department: conv.department ?? 'general', priority: 0, queuedAt: now, flow: null, assignedAgentId: null, closedAt: null },
    now,
  );
  if (!queued) return (await ctx.storage.getConversation(conv.id)) ?? conv;
  const position = (await queuePosition(ctx, queued)) ?? 1;
  const lang = queued.lang ?? 'zh-CN';
  await postMessage(ctx, queued, { author: 'system', text: t(TEXTS.queued, lang, { position }), meta: { notice: 'queued', position } });
  await pushQueue(ctx);
  return (await ctx.storage.getConversation(conv.id)) ?? queued;
}
