/** A closed conversation as 历史 / History lists it (and its CSV export writes it): visitor, identity, agent, rating. */
import type { HistoryEntry } from '@kefu/shared';
import { TEXTS, t } from '../conversation/texts.ts';
import type { ClosedConversationHit } from '../storage/storage.ts';

export function historyEntry({ conversation: c, visitor, agentName, firstQuestion }: ClosedConversationHit): HistoryEntry {
  const lang = c.lang ?? 'zh-CN';
  const entry: HistoryEntry = {
    id: c.id,
    visitorId: c.visitorId,
    visitorName: visitor.name ?? t(TEXTS.visitorName, lang, { id: c.visitorId.slice(0, 4).toUpperCase() }),
    lang,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
  };
  if (visitor.name || visitor.email || visitor.userId) {
    entry.identity = {
      verified: visitor.identityVerified,
      ...(visitor.name ? { name: visitor.name } : {}),
      ...(visitor.email ? { email: visitor.email } : {}),
      ...(visitor.userId ? { userId: visitor.userId } : {}),
    };
  }
  if (c.assignedAgentId) entry.agentId = c.assignedAgentId;
  if (agentName) entry.agentName = agentName;
  if (c.department) entry.department = c.department;
  if (firstQuestion) entry.firstQuestion = firstQuestion;
  if (c.rating !== undefined) entry.rating = c.rating;
  if (c.ratingComment) entry.ratingComment = c.ratingComment;
  if (c.previousConversationId) entry.previousConversationId = c.previousConversationId;
  return entry;
}
