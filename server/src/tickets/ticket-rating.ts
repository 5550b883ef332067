/**
 * Satisfaction after a ticket: its requester may rate it 1–5 with a comment once it is resolved, for
 * 48 hours (a ticket closed after being resolved keeps the same window), once. The rating is kept
 * with the agent, department and tier the ticket had then.
 */
import { TICKET_RATING_WINDOW_MS, type TicketSatisfaction } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { pushTicket } from './ticket-notify.ts';

/** Where the survey stands for this ticket at `now`. */
export async function satisfactionOf(ctx: KefuContext, t: TicketRecord, now: number): Promise<TicketSatisfaction> {
  const given = await ctx.storage.getTicketRating(t.id);
  if (given) return { state: 'rated', score: given.rating, ...(given.comment ? { comment: given.comment } : {}), at: given.createdAt };
  const resolved = (t.status === 'resolved' || t.status === 'closed') && t.resolvedAt !== undefined;
  if (resolved && now < t.resolvedAt! + TICKET_RATING_WINDOW_MS) return { state: 'offered', until: t.resolvedAt! + TICKET_RATING_WINDOW_MS };
  return { state: 'none' };
}

/** Stores the requester's rating; `invalid_state` when the survey is not offered (not resolved, past 48 h, or rated already). */
export async function rateTicket(ctx: KefuContext, t: TicketRecord, score: number, comment: string | undefined): Promise<void> {
  const now = ctx.now();
  const survey = await satisfactionOf(ctx, t, now);
  if (survey.state === 'rated') throw new KefuError('invalid_state', '该工单已评价 / This ticket has been rated already');
  if (survey.state !== 'offered') throw new KefuError('invalid_state', '工单解决后 48 小时内可评价 / A ticket can be rated within 48 hours of being resolved');
  const stored = await ctx.storage.rateTicket({
    ticketId: t.id,
    rating: score,
    ...(comment ? { comment } : {}),
    ...(t.assigneeId ? { agentId: t.assigneeId } : {}),
    ...(t.department ? { department: t.department } : {}),
    tier: t.tier,
    createdAt: now,
  });
  // Two submissions at once: the second finds the first one's row.
  if (!stored) throw new KefuError('invalid_state', '该工单已评价 / This ticket has been rated already');
  // A new revision tells open consoles to read the rating card again; a concurrent change already did.
  const touched = await ctx.storage.updateTicket(t.id, t.revision, {}, [], now);
  if (touched) await pushTicket(ctx, touched);
}
