/**
 * GET /api/conversations/history: 历史 / History, closed conversations found by visitor, message text,
 * closing time and agent, newest closed first, a page at a time (keyset cursor). Any signed-in agent may
 * search; a transcript opens over the agent socket (`open`, `history`), read-only once closed.
 * GET /api/conversations/history/export.csv (supervisors): the same filters, every match as CSV.
 */
import { Router } from 'express';
import { HISTORY_PAGE_DEFAULT, HistoryExportSchema, HistorySearchSchema, historyCursor, type HistorySearchResult } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { requireRole } from '../auth/require-agent.ts';
import { historyEntry } from './history-entry.ts';
import { closedConversationQuery, historyCsv } from './history-export.ts';
import { parseBody } from './parse-body.ts';

export function historyRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.get('/', requireRole(ctx, 'agent'), async (req, res) => {
    const query = parseBody(HistorySearchSchema, req.query);
    const limit = query.limit ?? HISTORY_PAGE_DEFAULT;
    // One more than the page tells whether another page follows.
    const hits = await ctx.storage.searchClosedConversations({ ...closedConversationQuery(query, limit + 1), ...(query.cursor ? { after: query.cursor } : {}) });
    const conversations = hits.slice(0, limit).map(historyEntry);
    const last = conversations[conversations.length - 1];
    const result: HistorySearchResult = { conversations, ...(hits.length > limit && last ? { nextCursor: historyCursor(last) } : {}) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });
  // The same search as a spreadsheet, every page of it (supervisors: it is the whole desk's visitors at once).
  router.get('/export.csv', requireRole(ctx, 'supervisor'), async (req, res) => {
    const query = parseBody(HistoryExportSchema, req.query);
    const { csv, rows, truncated } = await historyCsv(ctx, query);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: ctx.config.timeZone }).format(ctx.now()).replace(/-/g, '');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="kefu-history-${day}.csv"`);
    res.setHeader('X-Kefu-Rows', String(rows));
    if (truncated) res.setHeader('X-Kefu-Truncated', 'true');
    res.send(csv);
  });
  return router;
}
