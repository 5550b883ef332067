/** Ticket pushes from the agent socket handed to whichever ticket screen is open (list rows and the detail's thread). */
import type { Ticket, TicketEvent } from '@kefu/shared';

export type TicketUpdate = { type: 'ticket'; ticket: Ticket } | { type: 'event'; event: TicketEvent };

/** A tiny fan-out: the workspace emits, screens subscribe while mounted. */
export class TicketFeed {
  private readonly listeners = new Set<(update: TicketUpdate) => void>();

  /** Returns the unsubscribe function (an effect's cleanup). */
  subscribe(listener: (update: TicketUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(update: TicketUpdate): void {
    for (const listener of this.listeners) listener(update);
  }
}
