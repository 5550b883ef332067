/** Chooses decision thresholds on development results: weighted accuracy (in-scope answered right, out-of-scope declined). */
import type { Thresholds } from '../types.ts';
import { decide } from '../match/decide.ts';

/** What the matcher said about one development query. */
export interface ScoredQuery {
  expected: string | null;
  /** Best, second candidate ids and scores. */
  top: string | null;
  inTop3: boolean;
  s1: number;
  s2: number;
}

/**
 * Weight of in-scope queries in the objective: equal to out-of-scope ones (balanced accuracy), so the share of each
 * in a development set does not matter. Weighting by a typical traffic mix (0.75) drops the answer bar to 0.325 and
 * lets the bot answer far more questions it cannot answer; a suggestion is the cheaper mistake.
 */
export const IN_SCOPE_WEIGHT = 0.5;

/** Mean over datasets of the weighted accuracy of `t` (in-scope answered right, out-of-scope declined). */
export function balancedAccuracy(sets: ScoredQuery[][], t: Thresholds): number {
  let sum = 0;
  for (const set of sets) {
    let inScope = 0;
    let right = 0;
    let ood = 0;
    let rejected = 0;
    for (const q of set) {
      const answered = decide(q.s1, q.s2, t) === 'answer';
      if (q.expected === null) {
        ood++;
        if (!answered) rejected++;
      } else {
        inScope++;
        if (answered && q.top === q.expected) right++;
      }
    }
    sum += ood === 0 ? right / Math.max(1, inScope) : IN_SCOPE_WEIGHT * (right / Math.max(1, inScope)) + (1 - IN_SCOPE_WEIGHT) * (rejected / ood);
  }
  return sum / sets.length;
}

/** Grid search; the suggest threshold then keeps most useful suggestions while dropping most out-of-scope ones. */
export function tuneThresholds(sets: ScoredQuery[][]): { thresholds: Thresholds; score: number } {
  let best: Thresholds = { answer: 1, margin: 1, marginFloor: 1, suggest: 0 };
  let bestScore = -1;
  for (let answer = 0.3; answer <= 1.0001; answer += 0.025) {
    for (let marginFloor = 0.15; marginFloor <= answer + 1e-9; marginFloor += 0.025) {
      for (let margin = 0; margin <= 0.4001; margin += 0.02) {
        const t = { answer, margin, marginFloor, suggest: 0 };
        const score = balancedAccuracy(sets, t);
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best = t;
        }
      }
    }
  }
  let bestSuggest = 0;
  let suggestScore = -1;
  for (let suggest = 0; suggest <= best.marginFloor + 1e-9; suggest += 0.01) {
    let sum = 0;
    for (const set of sets) {
      const useful = set.filter((q) => q.expected !== null && q.inTop3);
      const ood = set.filter((q) => q.expected === null);
      const kept = useful.filter((q) => q.s1 >= suggest).length / Math.max(1, useful.length);
      const dropped = ood.length === 0 ? 1 : ood.filter((q) => q.s1 < suggest).length / ood.length;
      sum += 0.5 * kept + 0.5 * dropped;
    }
    if (sum > suggestScore + 1e-9) {
      suggestScore = sum;
      bestSuggest = suggest;
    }
  }
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { thresholds: { answer: r(best.answer), margin: r(best.margin), marginFloor: r(best.marginFloor), suggest: r(bestSuggest) }, score: bestScore };
}
