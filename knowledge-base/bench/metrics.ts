/** The evaluation metrics of INTERFACES.md (`pnpm kb eval`), plus the best-threshold sweep given to peers. */
import { percentile, scoreOutcomes, type QualityMetrics } from '@kefu/knowledge-base';
import type { Ranking } from './engine.ts';

export { percentile };

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

/** The numbers reported per engine and dataset, named as in `pnpm kb eval --json`, with the threshold used. */
export interface Metrics extends QualityMetrics {
  /** The threshold used (`best`/`threshold`); null for the engine's own decision. */
  threshold: number | null;
}

/** Scores a run of outcomes with the chosen decision rule. */
export function computeMetrics(outcomes: Outcome[], decision: Decision): Metrics {
  const threshold =
    decision.kind === 'own' ? null : decision.kind === 'threshold' ? decision.threshold : bestThreshold(outcomes);
  const scored = outcomes.map((o) => ({
    expected: o.expected,
    ranked: o.ranking.candidates.map((c) => c.id),
    answered: answerOf(o.ranking, threshold),
    ms: o.ms,
  }));
  return { ...scoreOutcomes(scored), threshold };
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


