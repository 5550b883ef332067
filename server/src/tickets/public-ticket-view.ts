/** What the status page shows for the right pair: the customer's view of the ticket (as in the widget) and its survey. */
import type { PublicTicketStatus } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { visitorTicketDetail } from './visitor-tickets.ts';

/** The widget's detail carries the survey too, so both show the same. */
export function publicTicketStatus(ctx: KefuContext, t: TicketRecord): Promise<PublicTicketStatus> {
  return visitorTicketDetail(ctx, t);
}
