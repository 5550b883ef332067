/**
 * Ticket alerts waiting for the agent's eye (at risk, breached, escalated): newest first, one per ticket
 * and kind, a handful at most. Pure, so the workspace's banner and title count follow from it.
 */
import type { TicketAlert } from '@kefu/shared';

/** More than this and the oldest drop off the banner (the list's badges still show them). */
export const MAX_TICKET_ALERTS = 5;

/** Adds an alert; a repeat for the same ticket and kind replaces the earlier one. */
export function addTicketAlert(held: readonly TicketAlert[], alert: TicketAlert): TicketAlert[] {
  const rest = held.filter((a) => !(a.ticketId === alert.ticketId && a.kind === alert.kind));
  return [alert, ...rest].slice(0, MAX_TICKET_ALERTS);
}

/** The agent opened the ticket or dismissed its alert: every alert about it goes. */
export function dropTicketAlerts(held: readonly TicketAlert[], number: string): TicketAlert[] {
  return held.some((a) => a.number === number) ? held.filter((a) => a.number !== number) : (held as TicketAlert[]);
}
