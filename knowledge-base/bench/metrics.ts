/** The evaluation metrics of INTERFACES.md (`pnpm kb eval`), plus the best-threshold sweep given to peers. */
import type { Ranking } from './engine.ts';

/** One query's expected entry (null = out of scope), what the engine said, and how long it took. */
export interface Outcome {
  expected: string | null;
  ranking: Ranking;
  ms: number;
}

/** How the answer/decline decision is made when scoring. */
export type Decision =
  /** The engine's own `answer` field (Kefu's decision). */
  | { kind: 'own' }
  /** Answer with the best candidate when its score reaches `threshold`. */
  | { kind: 'threshold'; threshold: number }
  /** Try every threshold and keep the one with the best accuracy (generous to the engine). */
  | { kind: 'best' };

/** The numbers reported per engine and dataset, named as in `pnpm kb eval --json`. */
export interface Metrics {
  n: number;
  in_scope: number;
  ood: number;
  top1: number;
  mrr5: number;
  /** NaN when the dataset has no out-of-scope query. */
  ood_rejection: number;
  accuracy: number;
  p50_ms: number;
  p99_ms: number;
  /** The threshold used (`best`/`threshold`); null for the engine's own decision. */
  threshold: number | null;
}

/** Scores a run of outcomes with the chosen decision rule. */
export function computeMetrics(outcomes: Outcome[], decision: Decision): Metrics {
  const inScope = outcomes.filter((o) => o.expected !== null);
  const ood = outcomes.length - inScope.length;
  let top1 = 0;
  let rr = 0;
  for (const o of inScope) {
    const rank = o.ranking.candidates.slice(0, 5).findIndex((c) => c.id === o.expected);
    if (rank === 0) top1 += 1;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const threshold =
    decision.kind === 'own' ? null : decision.kind === 'threshold' ? decision.threshold : bestThreshold(outcomes);
  const answers = outcomes.map((o) => answerOf(o.ranking, threshold));
  let right = 0;
  let declinedOod = 0;
  outcomes.forEach((o, i) => {
    const answer = answers[i] ?? null;
    if (o.expected === null && answer === null) declinedOod += 1;
    if (answer === o.expected) right += 1;
  });
  const ms = outcomes.map((o) => o.ms);
  return {
    n: outcomes.length,
    in_scope: inScope.length,
    ood,
    top1: ratio(top1, inScope.length),
    mrr5: ratio(rr, inScope.length),
    ood_rejection: ratio(declinedOod, ood),
    accuracy: ratio(right, outcomes.length),
    p50_ms: percentile(ms, 50),
    p99_ms: percentile(ms, 99),
    threshold,
  };
}

/** The entry answered under a threshold (or the engine's own decision when threshold is null). */
function answerOf(ranking: Ranking, threshold: number | null): string | null {
  if (threshold === null) return ranking.answer ?? null;
  const top = ranking.candidates[0];
  return top !== undefined && top.score >= threshold ? top.id : null;
}

/**
 * The threshold on the best candidate's score that maximises accuracy over these outcomes
 * (Infinity = decline everything). Ties keep the highest such threshold.
 */
export function bestThreshold(outcomes: Outcome[]): number {
  const tops = outcomes
    .map((o) => ({ top: o.ranking.candidates[0], expected: o.expected }))
    .filter((t): t is { top: { id: string; score: number }; expected: string | null } => t.top !== undefined)
    .sort((a, b) => b.top.score - a.top.score);
  // Declining everything gets exactly the out-of-scope queries right; each answered query
  // then adds one when it is right and removes one when it was out of scope.
  let gain = 0;
  let bestGain = 0;
  let best = Infinity;
  for (let i = 0; i < tops.length; ) {
    const score = tops[i]?.top.score ?? 0;
    for (; i < tops.length && tops[i]?.top.score === score; i += 1) {
      const t = tops[i];
      if (t === undefined) continue;
      if (t.expected === null) gain -= 1;
      else if (t.top.id === t.expected) gain += 1;
    }
    if (gain > bestGain) {
      bestGain = gain;
      best = score;
    }
  }
  return best;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}
