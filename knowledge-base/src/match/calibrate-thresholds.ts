/**
 * Fits the decision rule to one knowledge base. Scores are on one 0..1 scale, but how high a right answer scores
 * depends on the content: a FAQ with many long phrasings per entry gives visitors' questions high scores, one with
 * a few short commands full of names and times gives them low ones. The rule's shape (answer bar, lead, floor) is
 * tuned once on pooled development data (`kb tune`); its scale is chosen here, at build time, on the knowledge
 * base's own development folds, never on anything a visitor asked.
 */
import type { Calibration, KnowledgeBase, MatcherOptions, ScoringWeights, Thresholds } from '../types.ts';
import { languagesOf, phrasingsOf } from '../load/phrasings.ts';
import { isBareKeyword } from './bare-keyword.ts';
import { decide } from './decide.ts';
import { devSplit } from './dev-folds.ts';
import { devAccuracy, type ScoredQuery } from './dev-objective.ts';
import { buildEntryIndex } from './entry-index.ts';
import { createRanker } from './rank-entries.ts';
import type { TextPipeline } from './text-pipeline.ts';
import { UNRELATED_QUESTIONS_EN, UNRELATED_QUESTIONS_ZH } from './unrelated-questions.ts';

/** Scales tried, lowest first: below 0.3 the answer bar would sit in the noise of unrelated questions. */
const SCALES = Array.from({ length: 27 }, (_, i) => Math.round((0.3 + 0.05 * i) * 100) / 100);
/** Larger knowledge bases are calibrated on this many evenly spaced entries, so a build stays fast. */
export const CALIBRATION_ENTRIES = 300;
/** Fewer in-scope questions or near misses than this say too little (a knowledge base of a few entries): the base rule is kept. */
const MIN_QUERIES = 10;
/** Differences below this are ties; the strictest scale among them wins, as in `kb tune`. */
const TIE = 1e-4;
/** Calibration keeps declining at least this share of the small-talk questions (when the base rule does). */
const MIN_SMALL_TALK_DECLINED = 0.9;

export const scaleThresholds = (t: Thresholds, k: number): Thresholds => ({
  answer: t.answer * k,
  margin: t.margin,
  marginFloor: t.marginFloor * k,
  suggest: t.suggest * k,
});

/** An evenly spaced subset of at most `max` entries (the knowledge base itself when it is small enough). */
function sample(kb: KnowledgeBase, max: number): KnowledgeBase {
  if (kb.entries.length <= max) return kb;
  const step = kb.entries.length / max;
  const entries = Array.from({ length: max }, (_, i) => kb.entries[Math.floor(i * step)]!);
  return { ...kb, entries };
}

/** The unrelated questions in the languages `kb` is written in, minus any it has as a phrasing. */
function unrelatedFor(kb: KnowledgeBase): string[] {
  const phrasings = phrasingsOf(kb);
  const own = new Set(phrasings.map((p) => p.toLowerCase()));
  const langs = languagesOf(phrasings);
  const out = [...(langs.has('zh-CN') ? UNRELATED_QUESTIONS_ZH : []), ...(langs.has('en') ? UNRELATED_QUESTIONS_EN : [])];
  return out.filter((q) => !own.has(q));
}

/**
 * The scale of `base` with the best development accuracy on `kb`'s folds: one phrasing of each kept entry asked as
 * an in-scope question, the phrasings of held-out entries as near misses, and small talk (`unrelated-questions.ts`)
 * as unrelated questions, spread over the folds; out-of-scope weighted as in `kb tune`.
 * `pipeline` is the whole knowledge base's, so the folds cut words as the matcher will (and jieba loads once).
 */
export function calibrateThresholds(kb: KnowledgeBase, base: Thresholds, weights: ScoringWeights, options: MatcherOptions, pipeline: TextPipeline): Calibration {
  const normalise = options.normalise ?? true;
  const scored: ScoredQuery[] = [];
  const unrelated = unrelatedFor(kb);
  const folds = devSplit(sample(kb, CALIBRATION_ENTRIES));
  folds.forEach((fold, f) => {
    const rank = createRanker(buildEntryIndex(fold.kb, options, pipeline), weights, options.fuzzy ?? true);
    const ask = (q: string, id: string | null, isUnrelated: boolean): void => {
      const [first, second] = rank(q);
      scored.push({
        expected: id,
        top: first ? fold.kb.entries[first.entry]!.id : null,
        inTop3: false,
        s1: first?.score ?? 0,
        s2: second?.score ?? 0,
        bare: isBareKeyword(q, normalise),
        unrelated: isUnrelated,
      });
    };
    for (const { q, id } of fold.queries) ask(q, id, false);
    for (let i = f; i < unrelated.length; i += folds.length) ask(unrelated[i]!, null, true);
  });
  const inScope = scored.filter((q) => q.expected !== null).length;
  const nearMisses = scored.filter((q) => q.expected === null && !q.unrelated).length;
  if (inScope < MIN_QUERIES || nearMisses < MIN_QUERIES) return { thresholds: base, scale: 1, queries: 0 };
  // A lower bar answers more small talk: it may do so for at most one small-talk message in ten, or for no more
  // of them than the base rule already does (a knowledge base whose content is small talk keeps its answers).
  const smallTalk = scored.filter((q) => q.unrelated);
  const declinedShare = (t: Thresholds): number => smallTalk.filter((q) => decide(q.s1, q.s2, t, q.bare) !== 'answer').length / smallTalk.length;
  const mustDecline = smallTalk.length === 0 ? 0 : Math.min(MIN_SMALL_TALK_DECLINED, declinedShare(base));
  let best = { scale: 1, objective: -1 };
  for (const scale of SCALES) {
    const t = scaleThresholds(base, scale);
    if (smallTalk.length > 0 && declinedShare(t) < mustDecline) continue;
    const objective = devAccuracy([scored], t);
    if (objective >= best.objective - TIE) best = { scale, objective: Math.max(objective, best.objective) };
  }
  return { thresholds: scaleThresholds(base, best.scale), scale: best.scale, queries: scored.length };
}
