/**
 * The visitor's ticket events on /visitor (PROTOCOL.md, "Tickets in the widget"): 我的工单, a lookup by
 * number, information added, a rating once the ticket is resolved, the tier a text suggests, and complaints. Lookups are rate limited per
 * visitor and per address, so numbers cannot be guessed quickly; every answer about a number that is
 * not the visitor's own is the same `not_found` as for a number that does not exist.
 */
import {
  ComplaintSchema,
  MyTicketsSchema,
  ProposeTierSchema,
  TicketAddInfoSchema,
  TicketLookupSchema,
  TicketRateSchema,
  type VisitorClientEvents,
} from '@kefu/shared';
import type { KefuContext, VisitorNamespace } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { consumeAll, type KeyedLimiter } from '../security/rate-limiter.ts';
import { addInformation, fileComplaint, lastAnswerAt, myTickets, ownTicket, rateOwnTicket, visitorTicketDetail } from '../tickets/visitor-tickets.ts';
import { proposeTier } from '../tickets/tier-proposal.ts';
import { handlers } from './handle.ts';

type VisitorSocket = Parameters<Parameters<VisitorNamespace['on']>[1]>[0];

export function registerVisitorTicketEvents(ctx: KefuContext, socket: VisitorSocket): void {
  const on = handlers<VisitorClientEvents>(socket, ctx.log);
  const limiters = ctx.limits.visitor;
  const ip = socket.data.ip ?? 'unknown';
  const requireVisitor = (): string => {
    const id = socket.data.visitorId;
    if (!id) throw new KefuError('unauthorized', 'send hello first');
    return id;
  };
  const spend = async (pairs: (readonly [KeyedLimiter, string])[], what: string): Promise<void> => {
    const verdict = await consumeAll(pairs);
    if (!verdict.allowed) throw new KefuError('rate_limited', `${what}; please wait ${Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))} s`);
  };
  const lookup = (visitorId: string) =>
    spend(
      [
        [limiters.ticketLookupsPerVisitor, visitorId],
        [limiters.ticketLookupsPerIp, ip],
      ],
      'too many ticket lookups',
    );
  /** Writes share the visitor's message budget. */
  const write = (visitorId: string) =>
    spend(
      [
        [limiters.messagesPerConnection, socket.id],
        [limiters.messagesPerVisitor, visitorId],
        [limiters.messagesPerIp, ip],
      ],
      'too many messages',
    );
  const langOf = async (visitorId: string) => (await ctx.storage.latestConversation(visitorId))?.lang ?? 'zh-CN';

  on('myTickets', MyTicketsSchema, async () => {
    const visitorId = requireVisitor();
    await lookup(visitorId);
    return { tickets: await myTickets(ctx, visitorId) };
  });

  on('ticket', TicketLookupSchema, async ({ number }) => {
    const visitorId = requireVisitor();
    await lookup(visitorId);
    return visitorTicketDetail(ctx, await ownTicket(ctx, visitorId, number));
  });

  on('addTicketInfo', TicketAddInfoSchema, async ({ number, text, files }) => {
    const visitorId = requireVisitor();
    await write(visitorId);
    const visitor = await ctx.storage.getVisitor(visitorId);
    return addInformation(ctx, visitorId, number, text, visitor?.name, files);
  });

  on('rateTicket', TicketRateSchema, async ({ number, score, comment }) => {
    const visitorId = requireVisitor();
    await write(visitorId);
    return rateOwnTicket(ctx, visitorId, number, score, comment);
  });

  on('proposeTier', ProposeTierSchema, async ({ text }) => {
    await lookup(requireVisitor());
    return { tier: proposeTier(text) };
  });

  on('complain', ComplaintSchema, async (input) => {
    const visitorId = requireVisitor();
    await write(visitorId);
    return fileComplaint(ctx, visitorId, input, await langOf(visitorId));
  });

  // After each successful hello: the newest agent answer on the visitor's tickets, so a return shows the badge.
  socket.use((packet: unknown[], next: (err?: Error) => void) => {
    const ack = packet[packet.length - 1];
    if (packet[0] === 'hello' && typeof ack === 'function') {
      packet[packet.length - 1] = (res: { ok: boolean; data?: { visitorId?: string } }) => {
        (ack as (r: unknown) => void)(res);
        const visitorId = res.ok ? res.data?.visitorId : undefined;
        if (!visitorId) return;
        lastAnswerAt(ctx, visitorId).then(
          (at) => at !== undefined && socket.emit('ticketReply', { at }),
          (err: unknown) => ctx.log.warn('ticket answers after hello failed', err),
        );
      };
    }
    next();
  });
}
