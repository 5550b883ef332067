/**
 * GET /api/conversations/history: 历史 / History, closed conversations found by visitor, message text,
 * closing time and agent, newest closed first, a page at a time (keyset cursor). Any signed-in agent may
 * search; a transcript opens over the agent socket (`open`, `history`), read-only once closed.
 */
import { Router } from 'express';
import { HISTORY_PAGE_DEFAULT, HistorySearchSchema, historyCursor, type HistoryEntry, type HistorySearchResult } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { requireRole } from '../auth/require-agent.ts';
import { TEXTS, t } from '../conversation/texts.ts';
import type { ClosedConversationHit } from '../storage/storage.ts';
import { parseBody } from './parse-body.ts';

function historyEntry({ conversation: c, visitor, agentName, firstQuestion }: ClosedConversationHit): HistoryEntry {
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

export function historyRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.get('/', requireRole(ctx, 'agent'), async (req, res) => {
    const query = parseBody(HistorySearchSchema, req.query);
    const limit = query.limit ?? HISTORY_PAGE_DEFAULT;
    // One more than the page tells whether another page follows.
    const hits = await ctx.storage.searchClosedConversations({
      ...(query.visitor ? { visitor: query.visitor } : {}),
      ...(query.text ? { text: query.text } : {}),
      ...(query.from !== undefined ? { closedFrom: query.from } : {}),
      ...(query.to !== undefined ? { closedTo: query.to } : {}),
      ...(query.agent ? { agentId: query.agent } : {}),
      ...(query.cursor ? { after: query.cursor } : {}),
      limit: limit + 1,
    });
    const conversations = hits.slice(0, limit).map(historyEntry);
    const last = conversations[conversations.length - 1];
    const result: HistorySearchResult = { conversations, ...(hits.length > limit && last ? { nextCursor: historyCursor(last) } : {}) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });
  return router;
}
