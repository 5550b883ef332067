/**
 * How the tickets created in a period were served: how many, how many resolved, the mean time to the first reply
 * (or acceptance) and to resolution, and how many SLA clocks kept their promise, overall and per tier. Read from
 * the tickets themselves (their clocks remember when each step was done), newest first along the created-at order.
 */
import { REPORT_TICKETS_MAX, TICKET_TIERS, type TicketReport, type TicketServiceLevels, type TicketTier } from '@kefu/shared';
import type { Storage } from '../storage/storage.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';

/** Tickets read per storage query. */
const BATCH = 500;
/** The clocks that promise a first answer: a reply for faults, an acceptance for complaints and suggestions. */
const FIRST_ANSWER = new Set(['response', 'acceptance']);

interface Tally {
  created: number;
  resolved: number;
  resolutionMs: number;
  answered: number;
  answerMs: number;
  clocksMet: number;
  clocksMissed: number;
}

const emptyTally = (): Tally => ({ created: 0, resolved: 0, resolutionMs: 0, answered: 0, answerMs: 0, clocksMet: 0, clocksMissed: 0 });

function count(t: Tally, ticket: TicketRecord): void {
  t.created++;
  if (ticket.resolvedAt !== undefined) {
    t.resolved++;
    t.resolutionMs += ticket.resolvedAt - ticket.createdAt;
  }
  const first = ticket.clocks.find((c) => FIRST_ANSWER.has(c.clock));
  if (first?.metAt !== undefined) {
    t.answered++;
    t.answerMs += first.metAt - first.startedAt;
  }
  // A clock that reached breached broke its promise, whether its step was done late or not yet; one done before
  // that kept it; one still running within its time is not counted either way.
  for (const c of ticket.clocks) {
    if (c.state === 'breached') t.clocksMissed++;
    else if (c.metAt !== undefined) t.clocksMet++;
  }
}

const levels = (t: Tally): TicketServiceLevels => ({
  created: t.created,
  resolved: t.resolved,
  firstResponseMs: t.answered ? Math.round(t.answerMs / t.answered) : null,
  resolutionMs: t.resolved ? Math.round(t.resolutionMs / t.resolved) : null,
  clocksMet: t.clocksMet,
  clocksMissed: t.clocksMissed,
});

/** `limits` are the batch size and the cap (the defaults, except in tests). */
export async function ticketReport(storage: Storage, from: number, to: number, limits = { batch: BATCH, max: REPORT_TICKETS_MAX }): Promise<TicketReport> {
  const all = emptyTally();
  const byTier = new Map<TicketTier, Tally>(TICKET_TIERS.map((tier) => [tier, emptyTally()]));
  // Newest first from just before `to` (a cursor at `to` with the lowest id keeps only earlier ones).
  let after = { key: to, id: '' };
  let read = 0;
  for (;;) {
    const page = await storage.listTickets({ sort: 'created', after, limit: limits.batch });
    for (const ticket of page) {
      if (ticket.createdAt < from) return report(false);
      if (read === limits.max) return report(true);
      read++;
      count(all, ticket);
      count(byTier.get(ticket.tier)!, ticket);
    }
    if (page.length < limits.batch) return report(false);
    const last = page[page.length - 1]!;
    after = { key: last.createdAt, id: last.id };
  }

  function report(truncated: boolean): TicketReport {
    return {
      from,
      to,
      all: levels(all),
      byTier: TICKET_TIERS.map((tier) => ({ tier, ...levels(byTier.get(tier)!) })).filter((r) => r.created > 0),
      truncated,
    };
  }
}
