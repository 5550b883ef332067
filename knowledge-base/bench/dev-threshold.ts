/**
 * A peer's answer cut-off chosen the way Kefu's thresholds are: on development folds built from the FAQ alone
 * (`devSplit`) and scored with `kb tune`'s objective (`devAccuracy`), never on a test query.
 */
import { devAccuracy, devSplit, type KnowledgeBase, type ScoredQuery, type Thresholds } from '@kefu/knowledge-base';
import { corpusFromKnowledgeBase } from './corpus.ts';
import type { EngineFactory, Ranking } from './engine.ts';
import { runEngine } from './run-engine.ts';

/** The cut-off an engine gets from its development folds, and what it was chosen on. */
export interface DevChoice {
  /** Answer when the best score reaches this (Infinity = decline everything). */
  threshold: number;
  /** `devAccuracy` of that cut-off on the pooled folds. */
  objective: number;
  /** Development queries asked over all folds. */
  queries: number;
  /** Largest sampling stride of any fold (1 = every development query was asked). */
  stride: number;
}

/** Options of the development run. */
export interface DevOptions {
  /** Query-time budget in ms over all folds; a slow engine is asked an evenly spaced sample per fold. */
  budgetMs?: number;
}

/**
 * Builds the engine on each development fold of `kb` (the dataset's own FAQ; its test queries are not an input),
 * asks the fold's queries, and picks the cut-off on the best score with the highest `devAccuracy`.
 */
export async function chooseDevThreshold(factory: EngineFactory, kb: KnowledgeBase, options: DevOptions = {}): Promise<DevChoice> {
  const folds = devSplit(kb);
  const scored: ScoredQuery[] = [];
  let stride = 1;
  for (const fold of folds) {
    const budgetMs = options.budgetMs === undefined ? undefined : options.budgetMs / folds.length;
    const run = await runEngine(factory, corpusFromKnowledgeBase(fold.kb), fold.queries, budgetMs === undefined ? {} : { budgetMs });
    stride = Math.max(stride, run.stride);
    for (const o of run.outcomes) scored.push(toScored(o.expected, o.ranking));
  }
  return { ...bestDevCutoff(scored), queries: scored.length, stride };
}

/** Kefu's decision rule reduced to one cut-off on the best score: no margin path, no suggestion band. */
export function cutoffThresholds(threshold: number): Thresholds {
  return { answer: threshold, margin: Infinity, marginFloor: Infinity, suggest: Infinity };
}

/**
 * The cut-off among the development queries' best scores (or Infinity) with the highest `devAccuracy`;
 * among ties the highest wins, as `kb tune` keeps the strictest rule.
 */
export function bestDevCutoff(scored: ScoredQuery[]): { threshold: number; objective: number } {
  const cuts = [Infinity, ...new Set(scored.map((q) => q.s1).filter((s) => Number.isFinite(s)))].sort((a, b) => b - a);
  let best = { threshold: Infinity, objective: -1 };
  for (const threshold of cuts) {
    const objective = devAccuracy([scored], cutoffThresholds(threshold));
    if (objective > best.objective) best = { threshold, objective };
  }
  return best;
}

/** One development answer in `kb tune`'s form; an empty ranking scores −Infinity so it is never answered. */
function toScored(expected: string | null, ranking: Ranking): ScoredQuery {
  const [first, second] = ranking.candidates;
  return {
    expected,
    top: first?.id ?? null,
    inTop3: ranking.candidates.slice(0, 3).some((c) => c.id === expected),
    s1: first?.score ?? -Infinity,
    s2: second?.score ?? -Infinity,
  };
}
