/**
 * A ticket's SLA clocks as pure arithmetic over the policy (../sla): computed at creation, again on a
 * tier change or a reopen, shifted by waits on the customer, and read as the agents' view.
 */
import type { ClockState, TicketClock } from '@kefu/shared';
import { clockStatus } from '../sla/clock-status.ts';
import { dueTimes, type SlaSubject } from '../sla/due-times.ts';
import { instantAfterRunning, type Pause } from '../sla/running-time.ts';
import type { SlaPolicy, SlaThresholds } from '../sla/sla-policy.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import type { StoredClock, TicketRecord } from '../storage/ticket-storage.ts';

type Subject = Pick<TicketRecord, 'kind' | 'tier' | 'plan' | 'priority'>;

const RANK: Record<ClockState, number> = { ok: 0, at_risk: 1, breached: 2 };
export const worse = (a: ClockState, b: ClockState): ClockState => (RANK[a] >= RANK[b] ? a : b);

function subjectOf(t: Subject): SlaSubject {
  return t.kind === 'fault' ? { kind: 'fault', tier: t.tier, plan: t.plan, priority: t.priority } : { kind: t.kind, tier: t.tier, plan: t.plan, priority: t.priority };
}

/** Every pause of the ticket, the one under way included (open-ended). */
export function pausesOf(t: Pick<TicketRecord, 'pauses' | 'pausedAt'>): Pause[] {
  return [...t.pauses, ...(t.pausedAt !== undefined ? [{ from: t.pausedAt }] : [])];
}

/** The state a clock is in at `at` by the thresholds (not what its timers recorded). */
export function stateAt(c: StoredClock, pauses: readonly Pause[], at: number, calendar: WorkingCalendar, thresholds: SlaThresholds): ClockState {
  const s = clockStatus(c, pauses, at, calendar, thresholds);
  return s.breached ? 'breached' : s.atRisk ? 'at_risk' : 'ok';
}

/**
 * The clocks for the subject started at `startedAt`. Clocks already met in `previous` stay met; the
 * state of the others is where they stand at `now` under the new promise.
 */
export function computeClocks(
  policy: SlaPolicy,
  t: Subject,
  startedAt: number,
  pauses: readonly Pause[],
  calendar: WorkingCalendar,
  now: number,
  previous: readonly StoredClock[] = [],
): StoredClock[] {
  const due = dueTimes(policy, subjectOf(t), startedAt, calendar, pauses) as Record<string, { basis: StoredClock['basis']; promisedMs: number; dueAt: number | undefined; targetAt?: number | undefined }>;
  return Object.entries(due).map(([name, d]) => {
    const before = previous.find((p) => p.clock === name && p.startedAt === startedAt);
    const clock: StoredClock = { clock: name as StoredClock['clock'], startedAt, basis: d.basis, promisedMs: d.promisedMs, state: 'ok' };
    if (d.dueAt !== undefined) clock.dueAt = d.dueAt;
    if (d.targetAt !== undefined) clock.targetAt = d.targetAt;
    if (before?.metAt !== undefined) {
      clock.metAt = before.metAt;
      clock.state = before.state;
    } else {
      clock.state = stateAt(clock, pauses, now, calendar, policy.thresholds);
    }
    return clock;
  });
}

/** The soonest due time of a clock still running. */
export function nextDueAt(clocks: readonly StoredClock[]): number | undefined {
  const dues = clocks.filter((c) => c.metAt === undefined && c.dueAt !== undefined).map((c) => c.dueAt!);
  return dues.length ? Math.min(...dues) : undefined;
}

/** The worst recorded state of the clocks still running. */
export function slaStateOf(clocks: readonly StoredClock[]): ClockState {
  return clocks.filter((c) => c.metAt === undefined).reduce<ClockState>((s, c) => worse(s, c.state), 'ok');
}

/** Marks clocks met at `at` (all of them, or those named). */
export function meet(clocks: readonly StoredClock[], at: number, names?: readonly StoredClock['clock'][]): StoredClock[] {
  return clocks.map((c) => (c.metAt === undefined && (!names || names.includes(c.clock)) ? { ...c, metAt: at } : c));
}

/** The instant a clock has used `share` of its promise (pauses counted), or undefined while a pause under way holds it. */
export function instantAtShare(c: StoredClock, share: number, pauses: readonly Pause[], calendar: WorkingCalendar): number | undefined {
  return instantAfterRunning(c, c.promisedMs * share, pauses, calendar);
}

/** The agents' view of the clocks at `now`. */
export function clockViews(t: Pick<TicketRecord, 'clocks' | 'pauses' | 'pausedAt'>, now: number, calendar: WorkingCalendar, thresholds: SlaThresholds): TicketClock[] {
  const pauses = pausesOf(t);
  return t.clocks.map((c) => {
    const at = c.metAt ?? now;
    const s = clockStatus(c, pauses, at, calendar, thresholds);
    const view: TicketClock = {
      clock: c.clock,
      promisedMs: c.promisedMs,
      state: worse(c.state, s.breached ? 'breached' : s.atRisk ? 'at_risk' : 'ok'),
      used: Math.round(s.used * 1000) / 1000,
      paused: c.metAt === undefined && s.paused,
      met: c.metAt !== undefined,
    };
    if (c.dueAt !== undefined) view.dueAt = c.dueAt;
    if (c.targetAt !== undefined) view.targetAt = c.targetAt;
    return view;
  });
}
