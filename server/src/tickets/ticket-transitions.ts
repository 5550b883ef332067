/**
 * The ticket's life cycle as a table: which command moves a ticket from which statuses to which.
 *
 *   open (待处理) ──start──▶ in_progress (处理中) ──waitOnCustomer──▶ waiting_customer (待用户确认)
 *     │  └──────────────waitOnCustomer──────────────────────────────▶ │   ◀──resume── (back to 处理中)
 *     └──resolve──▶ resolved (已解决) ◀──resolve── in_progress, waiting_customer
 *                      └──reopen──▶ open / in_progress   (reopenCount + 1; the third escalates)
 *   open, in_progress, waiting_customer, resolved ──close──▶ closed (已关闭, final)
 *
 * Effects (ticket-lifecycle.ts): entering waiting_customer starts a pause (every clock holds, due
 * times unknown); leaving it ends the pause and every due time moves later by the pause's running
 * time. resolve meets every clock and cancels their timers; reopen starts fresh clocks from the
 * reopen instant. The shared TICKET_TRANSITIONS (@kefu/shared) is the same table by status.
 */
import type { TicketStatus } from '@kefu/shared';

export const TICKET_COMMANDS = {
  /** An agent starts working on it (also implied by the first public reply on an open ticket). */
  start: { from: ['open'], to: ['in_progress'] },
  /** The next step is the customer's: clocks pause. */
  waitOnCustomer: { from: ['open', 'in_progress'], to: ['waiting_customer'] },
  /** The customer answered (or the agent takes it back): clocks run again. */
  resume: { from: ['waiting_customer'], to: ['in_progress'] },
  resolve: { from: ['open', 'in_progress', 'waiting_customer'], to: ['resolved'] },
  /** The fix did not hold. */
  reopen: { from: ['resolved'], to: ['open', 'in_progress'] },
  close: { from: ['open', 'in_progress', 'waiting_customer', 'resolved'], to: ['closed'] },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: readonly TicketStatus[] }>;

export type TicketCommand = keyof typeof TICKET_COMMANDS;

/** The command that moves `from` to `to`, or undefined when the table has no such move. */
export function commandFor(from: TicketStatus, to: TicketStatus): TicketCommand | undefined {
  return (Object.keys(TICKET_COMMANDS) as TicketCommand[]).find((c) => {
    const t = TICKET_COMMANDS[c];
    return (t.from as readonly TicketStatus[]).includes(from) && (t.to as readonly TicketStatus[]).includes(to);
  });
}

/** Statuses whose clocks run (except during a pause). */
export const ACTIVE: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_customer'];
export const isActive = (s: TicketStatus): boolean => ACTIVE.includes(s);
