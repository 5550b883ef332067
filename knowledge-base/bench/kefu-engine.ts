/** Kefu's own matcher behind the bench's Engine interface, with its ablation switches. */
import { createMatcher, type Matcher, type MatcherOptions } from '@kefu/knowledge-base';
import type { Engine, Ranking } from './engine.ts';

/** Kefu with `options` (defaults: the shipped configuration); its own decision decides answer or decline. */
export function createKefuEngine(options: MatcherOptions = {}, name = 'Kefu'): Engine {
  let matcher: Matcher | undefined;
  return {
    name,
    async build({ kb }) {
      matcher = createMatcher(kb, options);
    },
    rank(query): Ranking {
      if (!matcher) throw new Error('Kefu engine used before build()');
      const result = matcher.match(query);
      return {
        candidates: result.candidates.map((c) => ({ id: c.id, score: c.score })),
        answer: result.decision === 'answer' ? (result.entry?.id ?? null) : null,
      };
    },
  };
}
