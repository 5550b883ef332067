/** The server actions a declared flow can run; each returns an outcome name and the values for its reply template. */
import { TICKET_STATUS_LABELS, TICKET_TIER_LABELS, type Lang } from '@kefu/shared';
import type { ActionStep } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { openTicket } from '../tickets/ticket-lifecycle.ts';
import { responsePromiseText } from '../tickets/response-promise.ts';
import { formatDateTime } from './zoned-time.ts';

export interface ActionOutcome {
  outcome: string;
  values: Record<string, string>;
}

export async function runFlowAction(
  ctx: KefuContext,
  conv: ConversationRecord,
  action: ActionStep['action'],
  slots: Record<string, string>,
  lang: Lang,
): Promise<ActionOutcome> {
  switch (action) {
    case 'ticket.lookup': {
      const number = (slots.number ?? '').toUpperCase();
      const ticket = await ctx.storage.getTicketByNumber(number);
      // A visitor reaches only tickets they made: another's number answers exactly as a number that does not exist.
      if (!ticket || ticket.visitorId !== conv.visitorId) return { outcome: 'not_found', values: { number } };
      return {
        outcome: 'found',
        values: {
          number: ticket.number,
          status: ticket.status,
          statusText: TICKET_STATUS_LABELS[ticket.status]?.[lang] ?? ticket.status,
          updatedAt: formatDateTime(ticket.updatedAt, ctx.config.timeZone, lang),
        },
      };
    }
    case 'ticket.create': {
      const contact = slots.contact?.trim();
      const visitor = await ctx.storage.getVisitor(conv.visitorId);
      // Through the ticket lifecycle: tier proposed from the words, clocks and their timers started.
      const ticket = await openTicket(ctx, {
        description: slots.description ?? '',
        ...(contact ? { contact, ...(contact.includes('@') ? { requesterEmail: contact } : { requesterPhone: contact }) } : {}),
        ...(visitor?.name ? { requesterName: visitor.name } : {}),
        ...(conv.department ? { department: conv.department } : {}),
        visitorId: conv.visitorId,
        conversationId: conv.id,
        author: { kind: 'customer', ...(visitor?.name ? { name: visitor.name } : {}) },
      });
      ctx.log.info(`ticket ${ticket.number} created from conversation ${conv.id}`);
      return {
        outcome: 'created',
        values: {
          number: ticket.number,
          tier: ticket.tier,
          tierText: TICKET_TIER_LABELS[ticket.tier][lang],
          response: responsePromiseText(ticket, lang) ?? '',
        },
      };
    }
  }
}
