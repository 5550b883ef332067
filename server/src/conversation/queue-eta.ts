/**
 * How long a visitor at place p of a department's queue may wait, from that queue's recent history.
 *
 * A place clears each time an agent takes a waiting visitor, so the time between two takings is the time
 * one place takes to clear; it already reflects how many agents serve the department and how long their
 * conversations last (two agents take visitors twice as often). Only intervals during which the queue was
 * never empty count (the visitor taken later was already waiting when the earlier one was taken): a quiet
 * hour between two busy spells says nothing about how fast a queue moves. The visitor at place p waits
 * for p places to clear: p × the median interval is the low end of the range, p × the upper quartile the
 * high end. With fewer than MIN_INTERVALS such intervals there is no estimate: no time is said at all.
 */
import type { EtaMinutes } from '@kefu/shared';

/** When a visitor joined the queue and when an agent took them. */
export interface TakenWait {
  queuedAt: number;
  acceptedAt: number;
}

/** Recent history read for an estimate: the last two hours, at most twenty takings. */
export const ETA_WINDOW_MS = 2 * 60 * 60 * 1000;
export const ETA_SAMPLE = 20;
/** Fewer intervals than this are too few to speak of. */
export const MIN_INTERVALS = 2;

const MINUTE = 60_000;

/** The `q` quantile (0–1) of sorted values, interpolated linearly between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const lo = sorted[below]!;
  const hi = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lo + (hi - lo) * (at - below);
}

/** The intervals between consecutive takings during which the queue never emptied. */
export function busyIntervals(waits: readonly TakenWait[]): number[] {
  const byTaking = [...waits].sort((a, b) => a.acceptedAt - b.acceptedAt);
  const intervals: number[] = [];
  for (let i = 1; i < byTaking.length; i++) {
    const before = byTaking[i - 1]!;
    const taken = byTaking[i]!;
    if (taken.queuedAt <= before.acceptedAt) intervals.push(taken.acceptedAt - before.acceptedAt);
  }
  return intervals;
}

/** The wait range for place `position` (1 = next), or undefined when the history is too thin to say. */
export function estimateQueueEta(waits: readonly TakenWait[], position: number): EtaMinutes | undefined {
  const intervals = busyIntervals(waits).sort((a, b) => a - b);
  if (intervals.length < MIN_INTERVALS || position < 1) return undefined;
  const low = Math.max(1, Math.round((position * quantile(intervals, 0.5)) / MINUTE));
  // A range, never one number: "3–3 min" would promise a precision the history does not have.
  const high = Math.max(low + 1, Math.ceil((position * quantile(intervals, 0.75)) / MINUTE));
  return { low, high };
}
