/** What the status page shows for the right pair: the customer's view of the ticket (as in the widget) and its survey. */
import type { PublicTicketStatus } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { satisfactionOf } from './ticket-rating.ts';
import { visitorTicketDetail } from './visitor-tickets.ts';

export async function publicTicketStatus(ctx: KefuContext, t: TicketRecord): Promise<PublicTicketStatus> {
  const [detail, satisfaction] = await Promise.all([visitorTicketDetail(ctx, t), satisfactionOf(ctx, t, ctx.now())]);
  return { ...detail, satisfaction };
}
