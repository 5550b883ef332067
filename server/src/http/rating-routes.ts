/**
 * Satisfaction for the team. `GET /api/ratings/summary?from&to` (supervisors and admins): averages of
 * ticket ratings per agent, department and tier, of chat ratings per agent and department, and the
 * newest comments. `GET /api/ratings/tickets/:number` (any agent who may see the ticket): its rating
 * and comment; someone else's ticket looks like a missing one.
 */
import { Router } from 'express';
import { RatingSummaryQuerySchema, roleAtLeast, TicketNumberSchema } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { requireAgent, requireRole, signedInAgent } from '../auth/require-agent.ts';
import { KefuError } from '../kefu-error.ts';
import { ratingSummary } from '../tickets/rating-summary.ts';
import { parseBody } from './parse-body.ts';
import { reportPeriod } from './report-period.ts';

export function ratingRoutes(ctx: KefuContext): Router {
  const router = Router();

  router.get('/summary', requireRole(ctx, 'supervisor'), async (req, res) => {
    const { from, to } = reportPeriod(ctx, parseBody(RatingSummaryQuerySchema, req.query));
    res.json(await ratingSummary(ctx, from, to));
  });

  router.get('/tickets/:number', requireAgent(ctx), async (req, res) => {
    const number = parseBody(TicketNumberSchema, req.params.number);
    const agent = signedInAgent(res);
    const t = await ctx.storage.getTicketByNumber(number);
    const members = t?.department ? ((await ctx.storage.getDepartment(t.department))?.members ?? []) : [];
    const visible = t && (roleAtLeast(agent.role, 'supervisor') || t.assigneeId === agent.id || members.includes(agent.id));
    if (!t || !visible) throw new KefuError('not_found', 'ticket not found');
    const rating = await ctx.storage.getTicketRating(t.id);
    res.json({
      number: t.number,
      rating: rating ? { score: rating.rating, ...(rating.comment ? { comment: rating.comment } : {}), at: rating.createdAt } : null,
    });
  });

  return router;
}
