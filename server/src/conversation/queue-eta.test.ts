import { describe, expect, it } from 'vitest';
import { busyIntervals, estimateQueueEta, quantile } from './queue-eta.ts';

const MIN = 60_000;
/** Takings `gaps` minutes apart with everyone already waiting at the start: a queue that never emptied. */
function busyQueue(gaps: number[]) {
  let at = 0;
  return gaps.map((gap) => ({ queuedAt: 0, acceptedAt: (at += gap * MIN) }));
}

describe('queue ETA', () => {
  it('says nothing without history, or with too little of it', () => {
    expect(estimateQueueEta([], 1)).toBeUndefined();
    expect(estimateQueueEta(busyQueue([3]), 1)).toBeUndefined();
    expect(estimateQueueEta(busyQueue([3, 3]), 1)).toBeUndefined();
  });

  it('scales the median and upper-quartile interval between takings by the place in the queue', () => {
    // Intervals 2, 3, 4, 5 min: median 3.5, upper quartile 4.25.
    const waits = busyQueue([1, 2, 3, 4, 5]);
    expect(estimateQueueEta(waits, 1)).toEqual({ low: 4, high: 5 });
    expect(estimateQueueEta(waits, 2)).toEqual({ low: 7, high: 9 });
    expect(estimateQueueEta(waits, 4)).toEqual({ low: 14, high: 17 });
  });

  it('always gives a range of at least a minute, starting at one minute', () => {
    expect(estimateQueueEta(busyQueue([1, 1, 1]), 1)).toEqual({ low: 1, high: 2 });
    const fast = [0, 1, 2, 3].map((i) => ({ queuedAt: 0, acceptedAt: i * 1000 }));
    expect(estimateQueueEta(fast, 1)).toEqual({ low: 1, high: 2 });
  });

  it('leaves out intervals in which the queue was empty (a quiet hour is not a slow queue)', () => {
    const waits = [
      { queuedAt: 0, acceptedAt: 2 * MIN },
      { queuedAt: 0, acceptedAt: 4 * MIN },
      { queuedAt: 0, acceptedAt: 6 * MIN },
      // Joined an hour later, when nobody was waiting: the 64 minutes before it are not a queue's pace.
      { queuedAt: 70 * MIN, acceptedAt: 71 * MIN },
      { queuedAt: 70 * MIN, acceptedAt: 73 * MIN },
    ];
    expect(busyIntervals(waits)).toEqual([2 * MIN, 2 * MIN, 2 * MIN]);
    expect(estimateQueueEta(waits, 3)).toEqual({ low: 6, high: 7 });
  });

  it('reads takings in any order', () => {
    const waits = busyQueue([2, 2, 2, 2]);
    expect(estimateQueueEta([...waits].reverse(), 2)).toEqual(estimateQueueEta(waits, 2));
  });

  it('interpolates quantiles between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.75)).toBe(7);
  });
});
