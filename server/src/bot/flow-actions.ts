/** The server actions a declared flow can run; each returns an outcome name and the values for its reply template. */
import type { Lang } from '@kefu/shared';
import type { ActionStep } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { TICKET_STATUS_TEXT } from '../conversation/texts.ts';
import { dayInZone, formatDateTime } from './zoned-time.ts';

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
      if (!ticket) return { outcome: 'not_found', values: { number } };
      return {
        outcome: 'found',
        values: {
          number: ticket.number,
          status: ticket.status,
          statusText: TICKET_STATUS_TEXT[ticket.status]?.[lang] ?? ticket.status,
          updatedAt: formatDateTime(ticket.updatedAt, ctx.config.timeZone, lang),
        },
      };
    }
    case 'ticket.create': {
      const now = ctx.now();
      const ticket = await ctx.storage.createTicket({
        conversationId: conv.id,
        visitorId: conv.visitorId,
        contact: slots.contact,
        description: slots.description,
        day: dayInZone(now, ctx.config.timeZone),
        createdAt: now,
      });
      ctx.log.info(`ticket ${ticket.number} created from conversation ${conv.id}`);
      return { outcome: 'created', values: { number: ticket.number } };
    }
  }
}
