/**
 * 报表 / Reports for supervisors, over `?from&to`: `GET /api/reports/chats`, how many chats the bot handled alone and how
 * long visitors queued for an agent; `GET /api/reports/tickets`, how the tickets created in the period were served.
 */
import { Router } from 'express';
import { PeriodQuerySchema, type ChatReport, type QueueWaitLevels } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { requireRole } from '../auth/require-agent.ts';
import { ticketReport } from '../tickets/ticket-report.ts';
import { parseBody } from './parse-body.ts';
import { reportPeriod } from './report-period.ts';

const waitLevels = (count: number, totalMs: number, longestMs: number): QueueWaitLevels => ({
  count,
  meanMs: count ? Math.round(totalMs / count) : null,
  longestMs: count ? longestMs : null,
});

async function chatReport(ctx: KefuContext, from: number, to: number): Promise<ChatReport> {
  const [totals, departments] = await Promise.all([ctx.storage.chatTotals(from, to), ctx.storage.listDepartments()]);
  const names = new Map(departments.map((d) => [d.key, { zh: d.nameZh, en: d.nameEn }]));
  const sum = totals.waits.reduce((t, w) => ({ count: t.count + w.count, total: t.total + w.totalMs, longest: Math.max(t.longest, w.longestMs) }), { count: 0, total: 0, longest: 0 });
  return {
    from,
    to,
    conversations: totals.conversations,
    served: totals.served,
    ticketed: totals.ticketed,
    leftQueue: totals.leftQueue,
    byAgent: totals.byAgent.map((a) => ({ agentId: a.agentId, name: a.agentName, taken: a.taken, firstReplyMs: a.replied ? Math.round(a.replyTotalMs / a.replied) : null })),
    waits: waitLevels(sum.count, sum.total, sum.longest),
    waitsByDepartment: totals.waits.map((w) => ({ department: w.department, ...(names.has(w.department) ? { name: names.get(w.department)! } : {}), ...waitLevels(w.count, w.totalMs, w.longestMs) })),
  };
}

export function reportRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.get('/chats', requireRole(ctx, 'supervisor'), async (req, res) => {
    const { from, to } = reportPeriod(ctx, parseBody(PeriodQuerySchema, req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await chatReport(ctx, from, to));
  });
  router.get('/tickets', requireRole(ctx, 'supervisor'), async (req, res) => {
    const { from, to } = reportPeriod(ctx, parseBody(PeriodQuerySchema, req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await ticketReport(ctx.storage, from, to));
  });
  return router;
}
