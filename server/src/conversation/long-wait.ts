/**
 * The long-wait offer: a visitor in the queue is asked, once per wait, whether to keep waiting or leave a
 * message, when the wait expected at their place starts above KEFU_LONG_WAIT_MINUTES as they join, or when
 * they have in fact waited longer than that. The second is found by a sweep every node runs, not by a timer
 * per visitor (a restart would lose it, two nodes would double it): storage marks each wait for one sweeper
 * only, and only that one posts. A node stopping between the mark and the post loses that offer: at most once.
 */
import type { EtaMinutes } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { postMessage } from './broadcast.ts';
import { leaveMessageSuggestions } from './leave-message-offer.ts';
import { TEXTS, t } from './texts.ts';

const MINUTE = 60_000;

/** Posts the offer: a bot message with the leave-a-message button (the visitor keeps waiting by doing nothing). */
async function postOffer(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord> {
  const lang = conv.lang ?? 'zh-CN';
  const suggestions = leaveMessageSuggestions(ctx, lang);
  const { conversation } = await postMessage(ctx, conv, {
    author: 'bot',
    text: t(TEXTS.longWait, lang),
    meta: { offerMessage: true, ...(suggestions.length > 0 ? { suggestions } : {}) },
  });
  return conversation;
}

/** Just queued with `eta`: offers at once when even its low end is above the threshold. */
export async function offerIfExpectedLong(ctx: KefuContext, queued: ConversationRecord, eta: EtaMinutes | undefined): Promise<ConversationRecord> {
  if (!eta || eta.low <= ctx.config.longWaitMinutes) return queued;
  const now = ctx.now();
  const [claimed] = await ctx.storage.claimLongWaitOffers({ queuedBefore: now, id: queued.id }, now);
  return claimed ? postOffer(ctx, queued) : queued;
}

/** Offers to every visitor who has waited past the threshold and was not offered during this wait; returns how many. */
export async function sweepLongWaits(ctx: KefuContext): Promise<number> {
  const now = ctx.now();
  const claimed = await ctx.storage.claimLongWaitOffers({ queuedBefore: now - ctx.config.longWaitMinutes * MINUTE }, now);
  let offered = 0;
  for (const conv of claimed) {
    // Taken by an agent since the mark: no offer to a visitor who is being served.
    const latest = await ctx.storage.getConversation(conv.id);
    if (latest?.state !== 'queued') continue;
    await postOffer(ctx, latest);
    offered++;
  }
  return offered;
}

/** Runs the sweep every `config.longWaitSweepMs` on this node; returns the stop function. */
export function startLongWaitSweep(ctx: KefuContext): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow database must not stack sweeps on one node.
    if (running) return;
    running = true;
    sweepLongWaits(ctx)
      .catch((err: unknown) => ctx.log.warn('long-wait sweep failed', err))
      .finally(() => (running = false));
  }, ctx.config.longWaitSweepMs);
  timer.unref();
  return () => clearInterval(timer);
}
