/** Runs a matcher configuration over the development folds of a knowledge base: raw scores and its own decisions. */
import { isBareKeyword } from '../match/bare-keyword.ts';
import { createMatcher } from '../match/create-matcher.ts';
import { devSplit, type EvalQuery } from '../match/dev-folds.ts';
import type { ScoredQuery } from '../match/dev-objective.ts';
import type { KnowledgeBase, Matcher, MatcherOptions } from '../types.ts';

function score(matcher: Matcher, q: string, id: string | null, normalise: boolean): ScoredQuery {
  const { candidates, decision, entry } = matcher.match(q);
  return {
    answered: decision === 'answer' ? (entry?.id ?? null) : null,
    expected: id,
    top: candidates[0]?.id ?? null,
    inTop3: candidates.slice(0, 3).some((c) => c.id === id),
    s1: candidates[0]?.score ?? 0,
    s2: candidates[1]?.score ?? 0,
    bare: isBareKeyword(q, normalise),
  };
}

/**
 * Every development query of `kb` (its own folds, or `queries` when given) with its top candidates' ids and scores;
 * `unrelated` questions (out of scope by construction) are spread over the folds.
 */
export function scoreDev(kb: KnowledgeBase, options: MatcherOptions = {}, queries?: EvalQuery[], unrelated: readonly string[] = []): ScoredQuery[] {
  const folds = queries ? [{ kb, queries }] : devSplit(kb);
  const out: ScoredQuery[] = [];
  folds.forEach((fold, f) => {
    // Each fold's matcher calibrates itself on the fold's own knowledge base, as a deployed one would.
    const matcher = createMatcher(fold.kb, options);
    for (const { q, id } of fold.queries) out.push(score(matcher, q, id, options.normalise ?? true));
    for (let i = f; i < unrelated.length; i += folds.length) out.push({ ...score(matcher, unrelated[i]!, null, options.normalise ?? true), unrelated: true });
  });
  return out;
}
