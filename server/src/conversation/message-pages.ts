/** Which messages a (re)connecting client gets, and the pages it scrolls back through (PROTOCOL.md, "Replay and history"). */
import { LIMITS, type HistoryPage } from '@kefu/shared';
import type { ConversationRecord, Storage } from '../storage/storage.ts';

/**
 * The messages after `afterSeq` when they fit in one page, so a reconnect appends exactly what it
 * missed; otherwise (or without `afterSeq`) the newest page, so a long conversation opens at its end.
 */
export async function replayPage(storage: Storage, conv: ConversationRecord, afterSeq?: number): Promise<HistoryPage> {
  if (afterSeq !== undefined && conv.lastSeq - afterSeq <= LIMITS.replayPage) {
    const messages = await storage.listMessages(conv.id, afterSeq, LIMITS.replayPage);
    // Older = anything before the first message returned, or before the gap the client already holds.
    const first = messages[0]?.seq ?? Math.min(afterSeq, conv.lastSeq) + 1;
    return { messages, hasOlder: first > 1 };
  }
  return storage.listLatestMessages(conv.id, LIMITS.replayPage);
}

/** The page just before `beforeSeq`, oldest first. */
export function historyPage(storage: Storage, conversationId: string, beforeSeq: number): Promise<HistoryPage> {
  return storage.listMessagesBefore(conversationId, beforeSeq, LIMITS.replayPage);
}

/**
 * The visitor pages back past a conversation's first message into the closed one it continues (they wrote
 * again after it ended), so after a reload the widget still offers the earlier transcript above: "older"
 * stays true at seq 1 while there is an earlier conversation, and the page before seq 1 is its newest page.
 */
export async function visitorHistoryPage(storage: Storage, conv: ConversationRecord, beforeSeq: number): Promise<HistoryPage> {
  if (beforeSeq <= 1 && conv.previousConversationId) {
    const [page, previous] = await Promise.all([
      storage.listLatestMessages(conv.previousConversationId, LIMITS.replayPage),
      storage.getConversation(conv.previousConversationId),
    ]);
    return previous ? withEarlier(previous, page) : page;
  }
  return withEarlier(conv, await historyPage(storage, conv.id, beforeSeq));
}

/** A page that reaches the start of a conversation which continues an earlier one still has older messages. */
export function withEarlier(conv: ConversationRecord, page: HistoryPage): HistoryPage {
  return page.hasOlder || !conv.previousConversationId ? page : { ...page, hasOlder: true };
}
