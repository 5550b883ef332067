/** Measures a matcher on labelled queries: top-1, MRR@5, out-of-scope rejection, accuracy and latency. */
import type { Calibration, KnowledgeBase, Matcher, MatcherOptions } from '../types.ts';
import { createMatcher } from '../match/create-matcher.ts';
import type { EvalQuery } from '../match/dev-folds.ts';
import { scoreOutcomes, type QualityMetrics, type QueryOutcome } from './score-outcomes.ts';

export type { EvalQuery };

/** The metrics of INTERFACES.md (`kb eval --json`), plus index build time. */
export interface EvalReport extends QualityMetrics {
  dataset: string;
  build_ms: number;
  /** The thresholds the matcher decided with, fitted to this knowledge base (without the word weights: one per word, not a metric). */
  calibration: Omit<Calibration, 'terms'>;
}

export interface EvaluateOptions extends MatcherOptions {
  dataset?: string;
  /** Use this matcher instead of building one from the knowledge base. */
  matcher?: Matcher;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Builds the matcher (timed), runs every query once, and reports. */
export function evaluate(kb: KnowledgeBase, queries: EvalQuery[], options: EvaluateOptions = {}): EvalReport {
  const started = performance.now();
  const matcher = options.matcher ?? createMatcher(kb, options);
  const buildMs = performance.now() - started;
  // Latency is the steady state: let the JIT see a few queries before timing.
  for (const { q } of queries.slice(0, 50)) matcher.match(q);
  const outcomes: QueryOutcome[] = queries.map(({ q, id }) => {
    const t0 = performance.now();
    const result = matcher.match(q);
    const ms = performance.now() - t0;
    return { expected: id, ranked: result.candidates.map((c) => c.id), answered: result.decision === 'answer' ? (result.entry?.id ?? null) : null, ms };
  });
  const m = scoreOutcomes(outcomes);
  // JSON has no NaN: a share with no queries (e.g. no out-of-scope query) is reported as 0.
  const r = (x: number, digits = 4): number => (Number.isNaN(x) ? 0 : round(x, digits));
  return {
    dataset: options.dataset ?? 'kb',
    n: m.n,
    in_scope: m.in_scope,
    ood: m.ood,
    top1: r(m.top1),
    mrr5: r(m.mrr5),
    ood_rejection: r(m.ood_rejection),
    accuracy: r(m.accuracy),
    p50_ms: r(m.p50_ms),
    p99_ms: r(m.p99_ms),
    build_ms: r(buildMs, 1),
    calibration: withoutTerms(matcher.calibration),
  };
}

const withoutTerms = ({ terms: _terms, ...calibration }: Calibration): Omit<Calibration, 'terms'> => calibration;
