/**
 * How much of a clock's time has run, and when it reaches its promise. A clock runs from its start,
 * only on working days when its promise is in working days, and never while the ticket waits on the
 * customer (待用户确认): those waits are the pauses.
 */
import { workingDaySpans, type WorkingCalendar } from './working-days.ts';

/** A wait on the customer; `to` absent while it still lasts. */
export interface Pause {
  from: number;
  to?: number;
}

/** `elapsed`: around the clock; `workingDays`: only during working days. */
export type ClockBasis = 'elapsed' | 'workingDays';

/** What a clock needs to be measured. */
export interface ClockSpec {
  startedAt: number;
  basis: ClockBasis;
  /** The promised running time. */
  promisedMs: number;
}

type Interval = readonly [number, number];

/** Pauses sorted and merged, clipped to start at or after `from`; an unended one reaches Infinity. */
function normalisePauses(pauses: readonly Pause[], from: number): Interval[] {
  const sorted = pauses
    .map((p): Interval => [Math.max(p.from, from), p.to ?? Infinity])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The spans the clock may run in before pauses are taken out. */
function* baseIntervals(spec: Pick<ClockSpec, 'startedAt' | 'basis'>, calendar: WorkingCalendar): Generator<Interval> {
  if (spec.basis === 'elapsed') {
    yield [spec.startedAt, Infinity];
    return;
  }
  for (const day of workingDaySpans(calendar, spec.startedAt)) {
    if (day.end > spec.startedAt) yield [Math.max(day.start, spec.startedAt), day.end];
  }
}

/** The spans the clock actually runs in, in order: base spans minus pauses. Ends at an unended pause. */
export function* runningIntervals(spec: Pick<ClockSpec, 'startedAt' | 'basis'>, pauses: readonly Pause[], calendar: WorkingCalendar): Generator<Interval> {
  const stops = normalisePauses(pauses, spec.startedAt);
  let p = 0;
  for (const [start, end] of baseIntervals(spec, calendar)) {
    let a = start;
    while (a < end) {
      while (p < stops.length && stops[p]![1] <= a) p++;
      const stop = stops[p];
      if (!stop || stop[0] >= end) {
        yield [a, end];
        break;
      }
      if (stop[0] > a) yield [a, stop[0]];
      if (stop[1] === Infinity) return;
      a = stop[1];
    }
  }
}

/** Running time between the clock's start and `at`. */
export function runningMs(spec: Pick<ClockSpec, 'startedAt' | 'basis'>, pauses: readonly Pause[], at: number, calendar: WorkingCalendar): number {
  let total = 0;
  for (const [a, b] of runningIntervals(spec, pauses, calendar)) {
    if (a >= at) break;
    total += Math.min(b, at) - a;
  }
  return total;
}

/**
 * The instant the clock has run for `ms` (the earliest one); undefined when a pause that has not
 * ended stops it first: its due time is unknown until the customer answers.
 */
export function instantAfterRunning(spec: Pick<ClockSpec, 'startedAt' | 'basis'>, ms: number, pauses: readonly Pause[], calendar: WorkingCalendar): number | undefined {
  let left = ms;
  for (const [a, b] of runningIntervals(spec, pauses, calendar)) {
    if (b - a >= left) return a + left;
    left -= b - a;
  }
  return undefined;
}
