/** Where a clock stands at an instant: time used and left, and whether it is at risk, breached, or due for escalation. */
import { runningMs, type ClockSpec, type Pause } from './running-time.ts';
import type { SlaThresholds } from './sla-policy.ts';
import type { WorkingCalendar } from './working-days.ts';

export interface ClockStatus {
  /** Running time used (pauses and, for working-day clocks, non-working days not counted). */
  usedMs: number;
  /** Promised time left; negative once breached. */
  remainingMs: number;
  /** `usedMs` as a share of the promise (1 = all of it). */
  used: number;
  /** Whether a wait on the customer holds the clock at this instant. */
  paused: boolean;
  /** From the at-risk share of the promise on (still true once breached). */
  atRisk: boolean;
  breached: boolean;
  /** Past the escalation share of the promise. */
  escalate: boolean;
}

export function clockStatus(spec: ClockSpec, pauses: readonly Pause[], at: number, calendar: WorkingCalendar, thresholds: SlaThresholds): ClockStatus {
  const usedMs = runningMs(spec, pauses, at, calendar);
  const used = spec.promisedMs > 0 ? usedMs / spec.promisedMs : 1;
  return {
    usedMs,
    remainingMs: spec.promisedMs - usedMs,
    used,
    paused: pauses.some((p) => p.from <= at && (p.to === undefined || at < p.to)),
    atRisk: used >= thresholds.atRisk,
    breached: used >= thresholds.breached,
    escalate: used >= thresholds.escalate,
  };
}

/** Seed 002, 问题升级委员会: three repairs that did not solve it, or any clock past the escalation share. */
export function shouldEscalate(reopenCount: number, clocks: readonly Pick<ClockStatus, 'escalate'>[], thresholds: SlaThresholds): boolean {
  return reopenCount >= thresholds.escalateAfterReopens || clocks.some((c) => c.escalate);
}
