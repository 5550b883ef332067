/**
 * The off-topic words a knowledge base leaves foreign (`off-topic-words.ts`), and what they do to a question's scores:
 * every candidate's confidence is multiplied by 1 − OFF_TOPIC_WEIGHT × the share of the question those words make up,
 * so 黄金价格多少 (黄金: a third of it) scores half of what 价格多少 would, and an answer needs a clearly stronger match.
 * Applied when a question is matched, not in calibration: the small-talk guard keeps measuring the scores as they are.
 */
import { longestMatches, type LongestMatches } from '../text/longest-matches.ts';
import { OFF_TOPIC_GROUPS } from './off-topic-words.ts';

/** The words, normalised with `norm`, of every group none of whose words any of `phrasings` (normalised) uses. */
export function offTopicWordsFor(phrasings: readonly string[], norm: (word: string) => string): string[] {
  const groups = Object.values(OFF_TOPIC_GROUPS).map((words) => [...new Set(words.map(norm).filter((w) => w !== ''))]);
  const groupOf = new Map(groups.flatMap((words, g) => words.map((w) => [w, g] as const)));
  const find = longestMatches(groupOf.keys());
  const used = new Set(phrasings.flatMap((p) => find(p).map((w) => groupOf.get(w)!)));
  return groups.flatMap((words, g) => (used.has(g) ? [] : words));
}

/**
 * How much the words weigh. Chosen on the development questions (`eval/demo-dev`, `eval/low-overlap-dev`, asked through
 * `match`): 1 / 1.5 / 2 / 3 → demo-dev accuracy 86.6 → 87.9 / 89.2 / 89.2 / 89.2 %, low-overlap-dev 66.5 → 67.1 / 68.2 /
 * 68.2 / 68.8 %, no in-scope question lost; the lowest of the plateau, for questions that mention such a thing in passing.
 */
export const OFF_TOPIC_WEIGHT = 1.5;

/** The off-topic words `find` finds in `norm` and the factor its scores are multiplied by; null when it holds none. */
export function offTopicIn(find: LongestMatches, norm: string): { words: string[]; factor: number } | null {
  const words = find(norm);
  if (words.length === 0) return null;
  return { words: [...new Set(words)], factor: Math.max(0, 1 - OFF_TOPIC_WEIGHT * shareOf(words, norm)) };
}

/** Share of `norm`'s letters and characters (spaces aside) that off-topic words found by `find` make up. */
export const offTopicShare = (find: LongestMatches, norm: string): number => shareOf(find(norm), norm);

const letters = (s: string): number => s.replace(/\s/g, '').length;

function shareOf(found: string[], norm: string): number {
  const total = letters(norm);
  return total === 0 ? 0 : Math.min(1, found.reduce((n, w) => n + letters(w), 0) / total);
}
