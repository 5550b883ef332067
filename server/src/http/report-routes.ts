/** 报表 / Reports for supervisors: `GET /api/reports/tickets?from&to`, how the tickets created in the period were served. */
import { Router } from 'express';
import { PeriodQuerySchema } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { requireRole } from '../auth/require-agent.ts';
import { ticketReport } from '../tickets/ticket-report.ts';
import { parseBody } from './parse-body.ts';
import { reportPeriod } from './report-period.ts';

export function reportRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.get('/tickets', requireRole(ctx, 'supervisor'), async (req, res) => {
    const { from, to } = reportPeriod(ctx, parseBody(PeriodQuerySchema, req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await ticketReport(ctx.storage, from, to));
  });
  return router;
}
