/** Ticket pushes from the agent socket handed to whichever ticket screen is open (list rows and the detail's thread). */
import type { Ticket, TicketEvent } from '@kefu/shared';
import { PushFeed } from './push-feed.ts';

export type TicketUpdate = { type: 'ticket'; ticket: Ticket } | { type: 'event'; event: TicketEvent };

/** The ticket screens' feed. */
export class TicketFeed extends PushFeed<TicketUpdate> {}
