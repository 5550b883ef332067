/** The queue's history: each taking recorded as it happens, and the wait it lets us expect at a place. */
import type { EtaMinutes } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord, QueueWaitRecord } from '../storage/storage.ts';
import { ETA_SAMPLE, ETA_WINDOW_MS, estimateQueueEta } from './queue-eta.ts';

/**
 * Records that an agent took `taken` from its department's queue. After the taking itself, not with it: a
 * node stopping in between loses one sample of an estimate, never a conversation.
 */
export async function recordTaking(ctx: KefuContext, taken: ConversationRecord): Promise<void> {
  if (taken.queuedAt === undefined) return;
  await ctx.storage.recordQueueWait({
    conversationId: taken.id,
    department: taken.department ?? 'general',
    queuedAt: taken.queuedAt,
    acceptedAt: taken.assignedAt ?? ctx.now(),
  });
}

/** Recent takings per department, read once per push of the whole queue. */
export type TakingsCache = Map<string, Promise<QueueWaitRecord[]>>;

/** Where a waiting visitor stands: their place in the whole queue (what they are shown), and the wait expected. */
export interface QueueStanding {
  position: number;
  etaMinutes?: EtaMinutes;
}

/**
 * Where `conv` stands in the queue (`queue` when the caller has read it already); undefined when it is not
 * waiting. The wait counts the visitors of its own department ahead of it, at its department's pace: other
 * departments' visitors are taken by their own members.
 */
export async function queueStanding(ctx: KefuContext, conv: ConversationRecord, queue?: ConversationRecord[], cache?: TakingsCache): Promise<QueueStanding | undefined> {
  if (conv.state !== 'queued') return undefined;
  const all = queue ?? (await ctx.storage.listQueue());
  const index = all.findIndex((c) => c.id === conv.id);
  if (index < 0) return undefined;
  const department = all[index]!.department ?? 'general';
  const place = all.slice(0, index + 1).filter((c) => (c.department ?? 'general') === department).length;
  const eta = await queueEta(ctx, department, place, cache);
  return { position: index + 1, ...(eta ? { etaMinutes: eta } : {}) };
}

/** The wait expected at place `position` of the department's own queue; undefined when its recent history is too thin. */
export async function queueEta(ctx: KefuContext, department: string | undefined, position: number, cache?: TakingsCache): Promise<EtaMinutes | undefined> {
  const key = department ?? 'general';
  let takings = cache?.get(key);
  if (!takings) {
    takings = ctx.storage.listQueueWaits(key, ctx.now() - ETA_WINDOW_MS, ETA_SAMPLE);
    cache?.set(key, takings);
  }
  return estimateQueueEta(await takings, position);
}
