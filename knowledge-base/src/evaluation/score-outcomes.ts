/** The metrics of INTERFACES.md (`kb eval --json`) from per-query outcomes; `kb eval` and the bench both score with this. */

/** One query: the expected entry (null = out of scope), candidate ids best first, the entry answered (null = declined), time. */
export interface QueryOutcome {
  expected: string | null;
  ranked: readonly string[];
  answered: string | null;
  ms: number;
}

/** top1 and mrr5 over in-scope queries; ood_rejection over out-of-scope ones; accuracy over all. NaN where a share has no queries. */
export interface QualityMetrics {
  n: number;
  in_scope: number;
  ood: number;
  top1: number;
  mrr5: number;
  ood_rejection: number;
  accuracy: number;
  p50_ms: number;
  p99_ms: number;
}

/** Scores outcomes: in scope is right when the expected entry is answered, out of scope when nothing is. */
export function scoreOutcomes(outcomes: readonly QueryOutcome[]): QualityMetrics {
  let inScope = 0;
  let top1 = 0;
  let rr = 0;
  let rejected = 0;
  let right = 0;
  for (const o of outcomes) {
    if (o.answered === o.expected) right += 1;
    if (o.expected === null) {
      if (o.answered === null) rejected += 1;
      continue;
    }
    inScope += 1;
    const rank = o.ranked.indexOf(o.expected);
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 5) rr += 1 / (rank + 1);
  }
  const ood = outcomes.length - inScope;
  const ms = outcomes.map((o) => o.ms);
  return {
    n: outcomes.length,
    in_scope: inScope,
    ood,
    top1: share(top1, inScope),
    mrr5: share(rr, inScope),
    ood_rejection: share(rejected, ood),
    accuracy: share(right, outcomes.length),
    p50_ms: percentile(ms, 50),
    p99_ms: percentile(ms, 99),
  };
}

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

const share = (part: number, whole: number): number => (whole === 0 ? Number.NaN : part / whole);
