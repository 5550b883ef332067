/** Builds what visitors and agents see of a conversation from storage records. */
import type { ConversationSummary, VisitorConversation } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { queueStanding, type QueueStanding } from './queue-times.ts';
import { TEXTS, t } from './texts.ts';

/** The visitor's view; pass `standing` when already known to skip a queue read. */
export async function visitorView(ctx: KefuContext, conv: ConversationRecord, standing?: QueueStanding): Promise<VisitorConversation> {
  const view: VisitorConversation = {
    id: conv.id,
    state: conv.state,
    ratingPending: conv.state === 'closed' && conv.rating === undefined,
    lastSeq: conv.lastSeq,
  };
  const place = standing ?? (await queueStanding(ctx, conv));
  if (place) view.queuePosition = place.position;
  if (place?.etaMinutes) view.queueEtaMinutes = place.etaMinutes;
  if (conv.state === 'assigned' && conv.assignedAgentId) {
    const agent = await ctx.storage.getAgent(conv.assignedAgentId);
    if (agent) view.agentName = agent.name;
  }
  if (conv.rating !== undefined) view.rating = conv.rating;
  return view;
}

/** The agent's list item. */
export async function summaryView(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationSummary> {
  const [visitor, agent] = await Promise.all([
    ctx.storage.getVisitor(conv.visitorId),
    conv.assignedAgentId ? ctx.storage.getAgent(conv.assignedAgentId) : undefined,
  ]);
  const lang = conv.lang ?? 'zh-CN';
  const summary: ConversationSummary = {
    id: conv.id,
    state: conv.state,
    visitorId: conv.visitorId,
    visitorName: visitor?.name ?? t(TEXTS.visitorName, lang, { id: conv.visitorId.slice(0, 4).toUpperCase() }),
    lang,
    priority: conv.priority,
    lastSeq: conv.lastSeq,
    createdAt: conv.createdAt,
    updatedAt: conv.updatedAt,
  };
  if (visitor && (visitor.name || visitor.email || visitor.phone || visitor.userId)) {
    // Agents see who the host site says the visitor is, and whether that was signed (PROTOCOL.md, identity).
    const identity: NonNullable<ConversationSummary['identity']> = { verified: visitor.identityVerified };
    if (visitor.name) identity.name = visitor.name;
    if (visitor.email) identity.email = visitor.email;
    if (visitor.phone) identity.phone = visitor.phone;
    if (visitor.userId) identity.userId = visitor.userId;
    summary.identity = identity;
  }
  if (conv.department) summary.department = conv.department;
  if (conv.queuedAt !== undefined) summary.queuedAt = conv.queuedAt;
  if (conv.assignedAgentId) summary.assignedAgentId = conv.assignedAgentId;
  if (agent) summary.assignedAgentName = agent.name;
  if (conv.rating !== undefined) summary.rating = conv.rating;
  if (conv.lastMessage !== undefined) summary.lastMessage = conv.lastMessage;
  if (conv.previousConversationId) summary.previousConversationId = conv.previousConversationId;
  return summary;
}
