import { describe, expect, it } from 'vitest';
import { tuneThresholds } from '../src/evaluation/tune-thresholds.ts';
import { isBareKeyword } from '../src/match/bare-keyword.ts';
import { decide, entryBarOf } from '../src/match/decide.ts';
import { devAccuracy, NEAR_MISS_SHARE, OOD_SHARE, weightedAccuracy, type ScoredQuery } from '../src/match/dev-objective.ts';

const inScope = (s1: number, s2: number, right = true): ScoredQuery => ({ expected: 'a', top: right ? 'a' : 'b', inTop3: true, s1, s2 });
const outOfScope = (s1: number, s2: number): ScoredQuery => ({ expected: null, top: 'a', inTop3: false, s1, s2 });
const ANSWER_ALL = { answer: 0, margin: 1, marginFloor: 0, suggest: 0 };
const DECLINE_ALL = { answer: 2, margin: 2, marginFloor: 2, suggest: 2 };

describe('development objective', () => {
  it('weights out-of-scope queries at a fixed share, whatever their share in the set', () => {
    const fewOod = [inScope(0.9, 0.1), inScope(0.9, 0.1), inScope(0.9, 0.1), outOfScope(0.9, 0.1)];
    const manyOod = [inScope(0.9, 0.1), outOfScope(0.9, 0.1), outOfScope(0.9, 0.1), outOfScope(0.9, 0.1)];
    expect(devAccuracy([fewOod], ANSWER_ALL)).toBeCloseTo(1 - OOD_SHARE);
    expect(devAccuracy([manyOod], ANSWER_ALL)).toBeCloseTo(1 - OOD_SHARE);
    expect(devAccuracy([manyOod], DECLINE_ALL)).toBeCloseTo(OOD_SHARE);
  });

  it('splits the out-of-scope share between near misses and unrelated questions', () => {
    const set = [inScope(0.9, 0.1), outOfScope(0.3, 0.2), { ...outOfScope(0.1, 0), unrelated: true }];
    const t = { answer: 0.2, margin: 1, marginFloor: 1, suggest: 0 };
    // The near miss is answered (wrong), the unrelated question declined.
    expect(devAccuracy([set], t)).toBeCloseTo(1 - OOD_SHARE + OOD_SHARE * (1 - NEAR_MISS_SHARE));
  });

  it('counts an answer with the wrong entry as wrong, and each set once', () => {
    const big = [inScope(0.9, 0.1), inScope(0.9, 0.1, false), outOfScope(0.1, 0)];
    const small = [inScope(0.9, 0.1)];
    const t = { answer: 0.5, margin: 1, marginFloor: 1, suggest: 0 };
    expect(devAccuracy([big], t)).toBeCloseTo((1 - OOD_SHARE) * 0.5 + OOD_SHARE);
    expect(devAccuracy([big, small], t)).toBeCloseTo(((1 - OOD_SHARE) * 0.5 + OOD_SHARE + 1) / 2);
  });
});

describe('weighted accuracy of any decision', () => {
  it('scores what a matcher answered, whatever rule made it answer', () => {
    const set = [
      { expected: 'a', answered: 'a' },
      { expected: 'a', answered: 'b' },
      { expected: null, answered: null },
      { expected: null, answered: 'a', unrelated: true },
    ];
    // Half the in-scope queries right; near misses all declined, unrelated questions none.
    expect(weightedAccuracy([set], (q) => q.answered)).toBeCloseTo((1 - OOD_SHARE) * 0.5 + OOD_SHARE * NEAR_MISS_SHARE);
  });
});

describe('threshold search', () => {
  it('answers confident or clearly leading queries and declines the rest', () => {
    const set = [
      inScope(0.8, 0.2),
      inScope(0.7, 0.5),
      inScope(0.3, 0.05),
      outOfScope(0.25, 0.22),
      outOfScope(0.15, 0.1),
      outOfScope(0.45, 0.4),
    ];
    const { thresholds, score } = tuneThresholds([set]);
    expect(score).toBeCloseTo(1);
    for (const q of set) expect(decide(q.s1, q.s2, thresholds) === 'answer').toBe(q.expected !== null);
  });

  it('takes the strictest of equally good rules', () => {
    // Any bar between 0.3 and 0.8 separates these: the search keeps the highest bars that still do.
    const { thresholds } = tuneThresholds([[inScope(0.8, 0), outOfScope(0.3, 0.3)]]);
    expect(thresholds.answer).toBeGreaterThanOrEqual(0.775);
    expect(decide(0.8, 0, thresholds)).toBe('answer');
    expect(decide(0.3, 0.3, thresholds)).not.toBe('answer');
  });
});

describe('bare keywords', () => {
  it('recognises one word or two Chinese characters, nothing longer', () => {
    for (const text of ['客服', '退款？', 'Refund', ' hotline! ', '投訴']) expect(isBareKeyword(text)).toBe(true);
    for (const text of ['客服热线', 'refund status', '客服 hotline', '']) expect(isBareKeyword(text)).toBe(false);
  });

  it('answers a bare keyword only when one entry clearly leads', () => {
    const t = { answer: 0.25, margin: 0.08, marginFloor: 0.225, suggest: 0.22 };
    expect(decide(0.31, 0.25, t)).toBe('answer');
    expect(decide(0.31, 0.25, t, true)).toBe('suggest');
    expect(decide(0.9, 0.05, t, true)).toBe('answer');
  });
});

describe("an entry's own bar", () => {
  const t = { answer: 0.2, margin: 0.08, marginFloor: 0.18, suggest: 0.176 };
  it('answers with the entry only from its bar, and below it neither answers nor suggests it', () => {
    expect(decide(0.21, 0.05, t, false, 0.213)).toBe('decline');
    expect(decide(0.19, 0.18, t, false, 0.213)).toBe('decline');
    expect(decide(0.214, 0.2, t, false, 0.213)).toBe('answer');
    expect(decide(0.21, 0.2, t)).toBe('answer');
  });

  it('counts in the development objective for the entry that has it, only', () => {
    const q = (top: string): ScoredQuery => ({ expected: top, top, inTop3: true, s1: 0.21, s2: 0 });
    expect(devAccuracy([[q('a'), q('b')]], t, { a: 0.213 })).toBeCloseTo(0.5);
    expect(devAccuracy([[q('a'), q('b')]], t)).toBeCloseTo(1);
  });

  it('is looked up as an id, never as an object property', () => {
    expect(entryBarOf({ a: 0.3 }, 'a')).toBe(0.3);
    expect(entryBarOf({ a: 0.3 }, 'constructor')).toBe(0);
    expect(entryBarOf(undefined, 'a')).toBe(0);
    expect(entryBarOf({ a: 0.3 }, null)).toBe(0);
  });
});
