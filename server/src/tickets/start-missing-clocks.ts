/**
 * Tickets written before the SLA clocks existed (storage migration 13) have none, so nothing would ever
 * warn about them. At start-up every ticket still being worked gets its clocks from its creation time, tier
 * and plan, and its timers, as if the clocks had run from the start. Several nodes may run this at once:
 * the revision guard lets one write win and the timers are keyed, so nothing is done twice.
 */
import type { KefuContext } from '../context.ts';
import { ticketSortKey, type TicketRecord } from '../storage/ticket-storage.ts';
import { computeClocks, nextDueAt, pausesOf, slaStateOf } from './ticket-clocks.ts';
import { SLA_POLICY, ticketCalendar } from './ticket-settings.ts';
import { syncTimers } from './ticket-timers.ts';

const PAGE = 200;

/** Starts the clocks of every open ticket that has none; returns how many it started. */
export async function startMissingClocks(ctx: Pick<KefuContext, 'storage' | 'now' | 'config'>): Promise<number> {
  const calendar = await ticketCalendar(ctx);
  let started = 0;
  let after: { key: number; id: string } | undefined;
  for (;;) {
    const page: TicketRecord[] = await ctx.storage.listTickets({ statuses: ['open', 'in_progress', 'waiting_customer'], sort: 'created', limit: PAGE, ...(after ? { after } : {}) });
    for (const t of page) {
      if (t.clocks.length > 0) continue;
      const now = ctx.now();
      const clocks = computeClocks(SLA_POLICY, t, t.createdAt, pausesOf(t), calendar, now);
      const next = nextDueAt(clocks);
      const updated = await ctx.storage.updateTicket(t.id, t.revision, { clocks, nextDueAt: next ?? null, slaState: slaStateOf(clocks) }, [], now);
      if (!updated) continue; // Changed meanwhile (another node, an agent): its own path set the clocks.
      await syncTimers(ctx, updated, calendar);
      started++;
    }
    if (page.length < PAGE) return started;
    const last = page.at(-1)!;
    after = { key: ticketSortKey('created', last), id: last.id };
  }
}
