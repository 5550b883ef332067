/** Measures a matcher on labelled queries: top-1, MRR@5, out-of-scope rejection, accuracy and latency. */
import type { KnowledgeBase, Matcher, MatcherOptions } from '../types.ts';
import { createMatcher } from '../match/create-matcher.ts';

/** One labelled query; `id` null means no entry answers it. */
export interface EvalQuery {
  q: string;
  id: string | null;
}

/** The metrics of INTERFACES.md (`kb eval --json`), plus index build time. */
export interface EvalReport {
  dataset: string;
  n: number;
  in_scope: number;
  ood: number;
  top1: number;
  mrr5: number;
  ood_rejection: number;
  accuracy: number;
  p50_ms: number;
  p99_ms: number;
  build_ms: number;
}

export interface EvaluateOptions extends MatcherOptions {
  dataset?: string;
  /** Use this matcher instead of building one from the knowledge base. */
  matcher?: Matcher;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Percentile of sorted values (nearest rank). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Builds the matcher (timed), runs every query once, and reports. */
export function evaluate(kb: KnowledgeBase, queries: EvalQuery[], options: EvaluateOptions = {}): EvalReport {
  const started = performance.now();
  const matcher = options.matcher ?? createMatcher(kb, options);
  const buildMs = performance.now() - started;
  let inScope = 0;
  let top1 = 0;
  let rr = 0;
  let rejected = 0;
  let right = 0;
  const times: number[] = [];
  // Latency is the steady state: let the JIT see a few queries before timing.
  for (const { q } of queries.slice(0, 50)) matcher.match(q);
  for (const { q, id } of queries) {
    const t0 = performance.now();
    const result = matcher.match(q);
    times.push(performance.now() - t0);
    const answered = result.decision === 'answer';
    if (id === null) {
      if (!answered) {
        rejected++;
        right++;
      }
      continue;
    }
    inScope++;
    const rank = result.candidates.findIndex((c) => c.id === id);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 5) rr += 1 / (rank + 1);
    if (answered && result.entry?.id === id) right++;
  }
  times.sort((a, b) => a - b);
  const ood = queries.length - inScope;
  return {
    dataset: options.dataset ?? 'kb',
    n: queries.length,
    in_scope: inScope,
    ood,
    top1: round(inScope ? top1 / inScope : 0),
    mrr5: round(inScope ? rr / inScope : 0),
    ood_rejection: round(ood ? rejected / ood : 0),
    accuracy: round(queries.length ? right / queries.length : 0),
    p50_ms: round(percentile(times, 50), 4),
    p99_ms: round(percentile(times, 99), 4),
    build_ms: round(buildMs, 1),
  };
}
