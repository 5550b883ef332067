/** Runs a matcher configuration over the development folds of a knowledge base and keeps the raw scores. */
import { createMatcher } from '../match/create-matcher.ts';
import type { KnowledgeBase, MatcherOptions } from '../types.ts';
import { devSplit } from './dev-split.ts';
import type { EvalQuery } from './evaluate.ts';
import type { ScoredQuery } from './tune-thresholds.ts';

/** Every development query of `kb` (its own folds, or `queries` when given) with its top candidates' ids and scores. */
export function scoreDev(kb: KnowledgeBase, options: MatcherOptions = {}, queries?: EvalQuery[]): ScoredQuery[] {
  const folds = queries ? [{ kb, queries }] : devSplit(kb);
  const out: ScoredQuery[] = [];
  for (const fold of folds) {
    const matcher = createMatcher(fold.kb, options);
    for (const { q, id } of fold.queries) {
      const { candidates } = matcher.match(q);
      out.push({
        expected: id,
        top: candidates[0]?.id ?? null,
        inTop3: candidates.slice(0, 3).some((c) => c.id === id),
        s1: candidates[0]?.score ?? 0,
        s2: candidates[1]?.score ?? 0,
      });
    }
  }
  return out;
}
