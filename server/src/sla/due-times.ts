/** Every SLA clock of a ticket and its due instant, from the policy, the ticket's tier and plan, and the working calendar. */
import { KefuError } from '../kefu-error.ts';
import { instantAfterRunning, type ClockBasis, type ClockSpec, type Pause } from './running-time.ts';
import { CLOCKS, FAULT_TIERS, PLANS, type ClockOf, type ClockPromise, type FaultTier, type Plan, type SlaPolicy, type SlaSpan, type TicketKind } from './sla-policy.ts';
import type { WorkingCalendar } from './working-days.ts';

/** What the clocks depend on. Tier, plan and priority shape a fault's clocks only. */
export type SlaSubject =
  | { kind: 'fault'; tier: FaultTier; plan: Plan; priority?: boolean }
  | { kind: 'complaint' | 'suggestion'; tier?: FaultTier; plan?: Plan; priority?: boolean };

/** One clock as a ticket stores it. */
export interface DueClock extends ClockSpec {
  /** When the promise is broken; undefined while an unended pause holds the clock short of it. */
  dueAt: number | undefined;
  /** The early end of a ranged promise ("3–5 个工作日": the 3rd day), when the policy names one. */
  targetAt?: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A span as a basis and a running time (a working day counts as 24 hours of working-day time). */
export function spanMs(span: SlaSpan): { basis: ClockBasis; ms: number } {
  switch (span.unit) {
    case 'minutes':
      return { basis: 'elapsed', ms: span.amount * 60_000 };
    case 'hours':
      return { basis: 'elapsed', ms: span.amount * 3_600_000 };
    case 'workingDays':
      return { basis: 'workingDays', ms: span.amount * DAY_MS };
  }
}

/** The stricter of the tier's and the plan's response, halved (by the policy's factor) for priority support. */
export function faultResponse(policy: SlaPolicy, tier: FaultTier, plan: Plan, priority: boolean): SlaSpan {
  const fromTier = spanMs(policy.fault[tier].response.due);
  const fromPlan = spanMs(policy.planResponse[plan]);
  if (fromTier.basis !== 'elapsed' || fromPlan.basis !== 'elapsed') throw new Error('response promises are in minutes or hours');
  const ms = Math.min(fromTier.ms, fromPlan.ms) * (priority ? policy.priorityResponseFactor : 1);
  return { amount: ms / 60_000, unit: 'minutes' };
}

/** The promises of a subject's clocks, with the fault response combined. */
function promisesOf(policy: SlaPolicy, subject: SlaSubject): Record<string, ClockPromise> {
  switch (subject.kind) {
    case 'fault': {
      if (!FAULT_TIERS.includes(subject.tier)) throw new KefuError('bad_request', `unknown fault tier "${String(subject.tier)}"`);
      if (!PLANS.includes(subject.plan)) throw new KefuError('bad_request', `unknown plan "${String(subject.plan)}"`);
      const byTier = policy.fault[subject.tier];
      return { ...byTier, response: { due: faultResponse(policy, subject.tier, subject.plan, subject.priority ?? false) } };
    }
    case 'complaint': {
      // A complaint about a 紧急 or 严重 fault (system down, data lost, a core function broken) is still
      // that fault: its first response is the stricter of the complaint's 24 h (seed 000) and the tier's
      // (seed 002: 15 / 30 min). A 一般 complaint keeps the complaint process's 24 h.
      if (subject.tier === undefined || subject.tier === 'normal') return policy.complaint;
      if (!FAULT_TIERS.includes(subject.tier)) throw new KefuError('bad_request', `unknown fault tier "${String(subject.tier)}"`);
      const ms = Math.min(spanMs(policy.complaint.response.due).ms, spanMs(policy.fault[subject.tier].response.due).ms);
      return { ...policy.complaint, response: { ...policy.complaint.response, due: { amount: ms / 60_000, unit: 'minutes' } } };
    }
    case 'suggestion':
      return policy.suggestion;
    default:
      throw new KefuError('bad_request', `unknown ticket kind "${String((subject as { kind: unknown }).kind)}"`);
  }
}

/**
 * Every clock the policy names for the subject, started at `startedAt`, each with its due instant
 * (and target, for ranged promises). Pauses (waits on the customer) push every due time back by the
 * running time they took.
 */
export function dueTimes<K extends TicketKind>(
  policy: SlaPolicy,
  subject: SlaSubject & { kind: K },
  startedAt: number,
  calendar: WorkingCalendar,
  pauses: readonly Pause[] = [],
): Record<ClockOf<K>, DueClock> {
  const promises = promisesOf(policy, subject);
  const out: Partial<Record<string, DueClock>> = {};
  for (const clock of CLOCKS[subject.kind]) {
    const promise = promises[clock]!;
    const { basis, ms } = spanMs(promise.due);
    const spec: ClockSpec = { startedAt, basis, promisedMs: ms };
    const due: DueClock = { ...spec, dueAt: instantAfterRunning(spec, ms, pauses, calendar) };
    if (promise.target) {
      const target = spanMs(promise.target);
      due.targetAt = instantAfterRunning({ startedAt, basis: target.basis }, target.ms, pauses, calendar);
    }
    out[clock] = due;
  }
  return out as Record<ClockOf<K>, DueClock>;
}
