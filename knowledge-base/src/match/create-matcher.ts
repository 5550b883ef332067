/** The FAQ matcher: BM25 candidates from the phrase index, re-ranked by token cosine and character similarity, then a decision. */
import type { Lang } from '@kefu/shared';
import type { Calibration, Candidate, Entry, KnowledgeBase, Matcher, MatcherOptions, MatchOptions, MatchResult, ScoringWeights, Thresholds } from '../types.ts';
import type { TextPipeline } from './text-pipeline.ts';
import { detectLang } from '../text/detect-lang.ts';
import { dictionaryCut } from '../text/han-tokenizers.ts';
import { normaliseText } from '../text/normalise-text.ts';
import { isBareKeyword } from './bare-keyword.ts';
import { decide, entryBarOf } from './decide.ts';
import { isHandoffRequest } from './detect-handoff.ts';
import { calibrateThresholds, keptCalibration } from './calibrate-thresholds.ts';
import { assembleEntryIndex, buildEntryIndex, buildEntryIndexData, entryTextPipeline, type EntryIndex, type EntryIndexData } from './entry-index.ts';
import { createRanker } from './rank-entries.ts';
import { semanticVectors } from '../semantic/semantic-layer.ts';
import { carryTerms, termWeightsRecord, type TermCarry } from './term-weights.ts';
import { offTopicIn } from './off-topic.ts';
import { longestMatches } from '../text/longest-matches.ts';

/** The decision rule's shape, chosen on pooled development folds (`kb tune`); each knowledge base scales it (`calibrate`). */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.25, margin: 0.08, marginFloor: 0.225, suggest: 0.22 };
/** Score mix chosen on the development split. */
export const DEFAULT_WEIGHTS: ScoringWeights = { char: 0.6, coverage: 0, centroid: 0.6, keyword: 0.3, candidates: 10 };

/** Longer messages are cut before matching: a question is never this long, and latency stays bounded. */
const MAX_QUERY_CHARS = 300;

const questionIn = (entry: Entry, lang: Lang): string => (lang === 'en' && entry.en ? entry.en.question : entry.question);
const answerIn = (entry: Entry, lang: Lang): string => (lang === 'en' && entry.en ? entry.en.answer : entry.answer);

/**
 * The costly part of a matcher as plain data: the built index and the fitted calibration. `prepareMatcher` can run
 * in a worker thread and post it (structured clone); `createMatcher(kb, options, prepared)` then only assembles.
 */
export interface PreparedMatcher {
  index: EntryIndexData;
  calibration: Calibration;
}

/** Thresholds passed in are used as they are; otherwise the rule is scaled to this knowledge base's own scores (keeping `options.previous`'s scale when it is as good). */
function fit(kb: KnowledgeBase, options: MatcherOptions, pipeline: TextPipeline): Calibration {
  const weights: ScoringWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const base: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const uncalibrated: Calibration = { thresholds: base, scale: 1, queries: 0 };
  if (options.thresholds !== undefined || options.calibrate === false) return uncalibrated;
  if (options.calibrate === 'keep') return options.previous ? keptCalibration(kb, options.previous) : uncalibrated;
  return calibrateThresholds(kb, base, weights, options, pipeline, options.previous);
}

/**
 * Builds `kb`'s index and fits its calibration, as data for `createMatcher`: the work to keep off a serving thread.
 * `beforeFit` is given the same index at `options.previous`'s bar (as `calibrate: 'keep'` prepares it) before a fit
 * starts: what a reload serves during the seconds the fit takes, without building the index twice.
 */
export function prepareMatcher(kb: KnowledgeBase, options: MatcherOptions = {}, beforeFit?: (kept: PreparedMatcher) => void): PreparedMatcher {
  const pipeline = entryTextPipeline(kb, options);
  const carry = carryTerms(options.previous?.terms, kb.entries);
  const index = buildEntryIndexData(kb, options, pipeline, carry);
  const fits = options.thresholds === undefined && options.calibrate !== false && options.calibrate !== 'keep';
  if (beforeFit && fits && options.previous) beforeFit({ index, calibration: withTerms(keptCalibration(kb, options.previous), index, carry) });
  return { index, calibration: withTerms(fit(kb, options, pipeline), index, carry) };
}

/** `calibration` with the word weights its scores were computed with (which the next build keeps), and what became of the previous ones. */
function withTerms(calibration: Calibration, { phrases, entryIdf, maxEntryIdf }: Pick<EntryIndex, 'phrases' | 'entryIdf' | 'maxEntryIdf'> | EntryIndexData, carry: TermCarry): Calibration {
  const terms = termWeightsRecord(phrases.vocab.keys(), phrases.idf, entryIdf, [phrases.maxIdf, maxEntryIdf], carry.fittedOn);
  const termsFrom = carry.origin;
  return { ...calibration, terms, ...(termsFrom ? { termsFrom } : {}) };
}

/**
 * Builds, on the calling thread, the segmenters a matcher for `kb` will need (jieba's dictionary with `kb`'s own words,
 * and the plain one) and reads the semantic layer's word vectors (once per thread), so that
 * `createMatcher(kb, options, prepared)` finds them ready: call it while the index is prepared elsewhere.
 */
export function preloadSegmenters(kb: KnowledgeBase, options: MatcherOptions = {}): void {
  entryTextPipeline(kb, options);
  dictionaryCut('预热');
  semanticVectors(options);
}

/**
 * Builds the index for `kb` once; `match` then costs only the query's postings and a handful of candidates.
 * `prepared`: `prepareMatcher(kb, options)`'s result (e.g. from a worker), so only the text pipeline is built here.
 */
export function createMatcher(kb: KnowledgeBase, options: MatcherOptions = {}, prepared?: PreparedMatcher): Matcher {
  const weights: ScoringWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  let index: EntryIndex;
  let calibration: Calibration;
  if (prepared) {
    index = assembleEntryIndex(prepared.index, entryTextPipeline(kb, options));
    calibration = prepared.calibration;
  } else {
    const carry = carryTerms(options.previous?.terms, kb.entries);
    index = buildEntryIndex(kb, options, undefined, carry);
    calibration = withTerms(fit(kb, options, index.pipeline), index, carry);
  }
  const { thresholds, entryBars } = calibration;
  const normalise = options.normalise ?? true;
  const rank = createRanker(index, weights, options.fuzzy ?? true);
  const offTopic = longestMatches(index.offTopic);
  // One throw-away query loads the lazy parts (converter tables, JIT) so the first visitor does not pay for them.
  rank('预热 warm up');
  const entries = kb.entries;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const owners = keywordOwners(entries);

  return {
    calibration,
    match(text: string, opts: MatchOptions = {}): MatchResult {
      const lang = opts.lang ?? detectLang(text);
      const head = text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
      // One normalisation serves the ranker, the handoff check and the bare-keyword check.
      const norm = normaliseText(head);
      const scores = rank(head, norm);
      // A question about something the desk does not deal with scores lower by how much of it that thing makes up.
      const foreign = offTopicIn(offTopic, norm);
      if (foreign) for (const s of scores) s.score *= foreign.factor;
      const candidates: Candidate[] = scores.slice(0, 5).map(({ entry, score }) => ({
        id: entries[entry]!.id,
        question: questionIn(entries[entry]!, lang),
        score: Math.round(score * 1000) / 1000,
      }));
      const top = scores[0];
      // A bare keyword is a topic several entries may share; the entry that declares it first is its own answer when it also ranks first.
      const bare = isBareKeyword(head, normalise, norm) && !(top !== undefined && owners.get(norm) === top.entry);
      const decision = isHandoffRequest(norm)
        ? 'handoff'
        : decide(top?.score ?? 0, scores[1]?.score ?? 0, thresholds, bare, top ? entryBarOf(entryBars, entries[top.entry]!.id) : 0);
      const entry = decision === 'answer' ? entries[scores[0]!.entry]! : null;
      return { decision, lang, entry, answer: entry ? answerIn(entry, lang) : null, candidates, ...(foreign ? { offTopic: foreign } : {}) };
    },
    entry(id: string): Entry | undefined {
      return byId.get(id);
    },
  };
}

/** Each keyword, normalised as `match` normalises a message, to the first entry that declares it, Chinese or English. */
function keywordOwners(entries: readonly Entry[]): Map<string, number> {
  const owners = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const k of [...e.keywords, ...(e.en?.keywords ?? [])]) {
      const key = normaliseText(k);
      if (key !== '' && !owners.has(key)) owners.set(key, i);
    }
  });
  return owners;
}
