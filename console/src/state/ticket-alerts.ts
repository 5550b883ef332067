/**
 * Ticket alerts waiting for the agent's eye (at risk, breached, escalated): newest first, one per ticket (the
 * most serious it has reached), a handful at most. Pure, so the workspace's banner and title count follow from it.
 */
import type { TicketAlert } from '@kefu/shared';

/** More than this and the oldest drop off the banner (the list's badges still show them). */
export const MAX_TICKET_ALERTS = 5;

const SERIOUSNESS: Record<TicketAlert['kind'], number> = { at_risk: 0, breached: 1, escalated: 2 };

/**
 * Adds an alert in place of the ticket's earlier one, unless that one is more serious: "breached" says all
 * that "at risk" did, and a ticket needs one line.
 */
export function addTicketAlert(held: readonly TicketAlert[], alert: TicketAlert): TicketAlert[] {
  const earlier = held.find((a) => a.ticketId === alert.ticketId);
  if (earlier && SERIOUSNESS[earlier.kind] > SERIOUSNESS[alert.kind]) return held as TicketAlert[];
  const rest = held.filter((a) => a.ticketId !== alert.ticketId);
  return [alert, ...rest].slice(0, MAX_TICKET_ALERTS);
}

/** The agent opened the ticket or dismissed its alert: every alert about it goes. */
export function dropTicketAlerts(held: readonly TicketAlert[], number: string): TicketAlert[] {
  return held.some((a) => a.number === number) ? held.filter((a) => a.number !== number) : (held as TicketAlert[]);
}
