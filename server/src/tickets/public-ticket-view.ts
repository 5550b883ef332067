/** What the status page shows for the right pair: the customer's view of the ticket (as in the widget) and its survey. */
import type { PublicTicketStatus } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { visitorTicketDetail } from './visitor-tickets.ts';

/**
 * The widget's detail carries the survey too, so both show the same, except that the files are names
 * only: a number and an email are easier to come by than the visitor's own token, and screenshots and
 * documents are what a ticket holds most private, so their bytes open only in the widget or the console.
 */
export function publicTicketStatus(ctx: KefuContext, t: TicketRecord): Promise<PublicTicketStatus> {
  return visitorTicketDetail(ctx, t, false);
}
