/** Chooses decision thresholds on development results: accuracy (in-scope answered right, out-of-scope declined) at a fixed out-of-scope share. */
import { devAccuracy, type ScoredQuery } from '../match/dev-objective.ts';
import type { Thresholds } from '../types.ts';

/** Differences below this (0.01 points) are smaller than one query of any development set: treated as ties. */
const TIE = 1e-4;

/** Grid search; the suggest threshold then keeps most useful suggestions while dropping most out-of-scope ones. */
export function tuneThresholds(sets: ScoredQuery[][]): { thresholds: Thresholds; score: number } {
  const grid: Array<{ t: Thresholds; score: number }> = [];
  for (let answer = 0.2; answer <= 1.0001; answer += 0.025) {
    for (let marginFloor = 0.1; marginFloor <= answer + 1e-9; marginFloor += 0.025) {
      for (let margin = 0; margin <= 0.4001; margin += 0.02) {
        const t = { answer, margin, marginFloor, suggest: 0 };
        grid.push({ t, score: devAccuracy(sets, t) });
      }
    }
  }
  const top = Math.max(...grid.map((g) => g.score));
  // Among ties the strictest rule wins (highest bars, grid order): a wrong answer costs a visitor more than a suggestion.
  const pick = grid.filter((g) => g.score >= top - TIE).at(-1)!;
  const best = pick.t;
  const bestScore = pick.score;
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
