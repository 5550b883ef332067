/** Everything precomputed for matching one knowledge base: the text pipeline, the phrase index and per-entry token sets. */
import type { KnowledgeBase, MatcherOptions } from '../types.ts';
import { latinWords } from '../text/tokenize.ts';
import { createHanSlipCorrector, type HanSlipCorrector } from '../text/han-slip-corrector.ts';
import { normaliseText } from '../text/normalise-text.ts';
import { createTypoCorrector, type TypoCorrector } from '../text/typo-corrector.ts';
import { backgroundIdf, idfOf, PhraseIndex, type Background, type IndexedPhrasing, type PhraseIndexData } from './phrase-index.ts';
import { generalShare } from '../text/general-shares.ts';
import type { TermCarry } from './term-weights.ts';
import { offTopicWordsFor } from './off-topic.ts';
import { createTextPipeline, type TextPipeline } from './text-pipeline.ts';
import { buildEntryVectors, buildSemanticIndexData, type PartialEntryVectors, type SemanticIndexData } from '../semantic/semantic-index.ts';
import { englishVectorsFor, semanticVectors } from '../semantic/semantic-layer.ts';
import { pieceRows } from '../semantic/english-vectors.ts';
import type { SentenceMemo } from '../semantic/sentence-memo.ts';
import { rememberRows } from '../semantic/sentence-memo.ts';
import { serviceThesaurusFor, thesaurusSwitchedOff } from '../semantic/service-thesaurus.ts';

export interface EntryIndex {
  pipeline: TextPipeline;
  phrases: PhraseIndex;
  /** Phrasing numbers of each entry. */
  entryDocs: Int32Array[];
  /** Sorted distinct token ids over all phrasings of each entry. */
  entryBags: Int32Array[];
  /** Centroid of each entry: weights of the `entryBags` ids, and the vector length. */
  centroidWeights: Float64Array[];
  centroidNorm: Float64Array;
  /** idf over entries (how many entries use a token), for the centroid cosine. */
  entryIdf: Float64Array;
  maxEntryIdf: number;
  /** Sorted token ids of each entry's keywords. */
  keywordIds: Int32Array[];
  /** Null when fuzzy matching is off. */
  typos: TypoCorrector | null;
  /** Null when fuzzy matching is off or the knowledge base declares no Chinese keywords or synonyms. */
  hanSlips: HanSlipCorrector | null;
  /** Entry vectors of the semantic layer; null when it is off. */
  semantic: SemanticIndexData | null;
  /** Entry vectors of the semantic layer's English table, from the entries' phrasings without Chinese; null when it is off. */
  english: PartialEntryVectors | null;
  /** Off-topic words of the groups this knowledge base never uses. */
  offTopic: string[];
}

/**
 * An entry index as plain data (typed arrays, a Map, strings), so a worker thread can build it and post it
 * (structured clone); `assembleEntryIndex` adds what holds functions (text pipeline, typo and slip correctors).
 */
export interface EntryIndexData {
  phrases: PhraseIndexData;
  entryDocs: Int32Array[];
  entryBags: Int32Array[];
  centroidWeights: Float64Array[];
  centroidNorm: Float64Array;
  entryIdf: Float64Array;
  maxEntryIdf: number;
  keywordIds: Int32Array[];
  /** Latin words of every phrasing, repeats kept (frequency breaks typo ties); null when fuzzy matching is off. */
  typoWords: string[] | null;
  /** The declared vocabulary, normalised, and the Chinese characters the phrasings use; null when fuzzy matching is off. */
  slips: { domainWords: string[]; knownChars: string[] } | null;
  /** Entry vectors of the semantic layer (one Float32Array); null when it is off. */
  semantic: SemanticIndexData | null;
  /** Entry vectors of the English table; null when it is off. */
  english: PartialEntryVectors | null;
  /** Off-topic words (`off-topic-words.ts`) of the groups this knowledge base's phrasings never use, normalised. */
  offTopic: string[];
}

const sortedIds = (ids: Iterable<number>): Int32Array => Int32Array.from(new Set([...ids].filter((id) => id >= 0))).sort();

const keywordsOf = (kb: KnowledgeBase): string[][] => kb.entries.map((e) => [...e.keywords, ...(e.en?.keywords ?? [])]);

/**
 * A knowledge base of fewer entries than this is read, for idf, as if it had this many: the missing ones are general
 * Chinese text (jieba's document shares). In a base of 15 entries one entry is 7 % of the statistics, so every edit moved
 * the weight of shared words (怎/么/样) and turned 2.4 % of unrelated decisions on xsid-zh; read as 50 entries, 0.6 %.
 * General text also weighs the words every question uses (什么, 怎么, 你) as little as they deserve. Chosen on the
 * development data (`kb tune`: 40 / 50 / 60 give the same mean, and 50 the steadier edits); at 120, the demo content's
 * folds (74 entries) lost 0.8 points.
 */
export const IDF_FLOOR_ENTRIES = 50;
/**
 * A handful of entries is left to its own statistics: with five, general text would be nine tenths of them, every word
 * the base uses would look rare, and a one-word topic two of the five share (客服) was answered outright instead of
 * offered as "did you mean". Six keeps the folds of a nine-entry base (seven entries each) on the floor like the base.
 */
const IDF_FLOOR_MIN_ENTRIES = 6;
/** General text is known for Chinese words only. */
const HAN = /\p{Script=Han}/u;

/** The background documents of a knowledge base of `entries` entries and `phrasings` phrasings; undefined at or above `floor`. */
function generalBackground(entries: number, phrasings: number, floor: number): { entries: Background; phrasings: Background } | undefined {
  const missing = floor - entries;
  if (missing <= 0 || entries < IDF_FLOOR_MIN_ENTRIES) return undefined;
  const share = (token: string): number => (HAN.test(token) ? generalShare(token) : 0);
  return { entries: { docs: missing, share }, phrasings: { docs: (missing * phrasings) / Math.max(1, entries), share } };
}

/** The text pipeline for `kb` with `options`: built the same way wherever the index is built or used. */
export function entryTextPipeline(kb: KnowledgeBase, options: MatcherOptions): TextPipeline {
  return createTextPipeline(
    { tokenizer: options.tokenizer ?? 'combined', normalise: options.normalise ?? true, synonyms: options.synonyms ?? true },
    kb.synonyms,
    [...kb.synonyms.flat(), ...keywordsOf(kb).flat()],
    options.thesaurus === false || thesaurusSwitchedOff() ? [] : serviceThesaurusFor(kb.synonyms, (w) => normaliseText(w, options.normalise ?? true)),
  );
}

/**
 * Indexes questions, alternates and keywords of every entry, in both languages; never the answers. `pipeline`: an
 * existing text pipeline to reuse (calibration indexes parts of a knowledge base with the whole one's vocabulary, and
 * remembers what the vector tables read in each phrasing in `memo`).
 */
export function buildEntryIndex(kb: KnowledgeBase, options: MatcherOptions, shared?: TextPipeline, carry?: TermCarry, memo?: SentenceMemo): EntryIndex {
  const pipeline = shared ?? entryTextPipeline(kb, options);
  const { data, phrases } = build(kb, options, pipeline, carry, memo);
  return assemble(data, phrases, pipeline);
}

/** The index of `kb` as plain data, for `assembleEntryIndex` (possibly in another thread, with its own pipeline). */
export function buildEntryIndexData(kb: KnowledgeBase, options: MatcherOptions, pipeline: TextPipeline, carry?: TermCarry): EntryIndexData {
  const { data, phrases } = build(kb, options, pipeline, carry);
  return { ...data, phrases: phrases.toData() };
}

/** The usable index from `buildEntryIndexData`'s output; `pipeline` must be `entryTextPipeline` of the same knowledge base and options. */
export function assembleEntryIndex(data: EntryIndexData, pipeline: TextPipeline): EntryIndex {
  return assemble(data, PhraseIndex.fromData(data.phrases), pipeline);
}

function assemble(data: Omit<EntryIndexData, 'phrases'>, phrases: PhraseIndex, pipeline: TextPipeline): EntryIndex {
  const { typoWords, slips, ...rest } = data;
  const typos = typoWords ? createTypoCorrector(typoWords) : null;
  const hanSlips = slips ? createHanSlipCorrector(slips.domainWords, new Set(slips.knownChars)) : null;
  return { ...rest, pipeline, phrases, typos, hanSlips };
}

/** `carry`: the replaced build's word weights (`term-weights.ts`); calibration folds are built without. */
function build(kb: KnowledgeBase, options: MatcherOptions, pipeline: TextPipeline, carry?: TermCarry, memo?: SentenceMemo): { data: Omit<EntryIndexData, 'phrases'>; phrases: PhraseIndex } {
  const keywords = keywordsOf(kb);
  const phrasings: IndexedPhrasing[] = [];
  const docsOf: number[][] = kb.entries.map(() => []);
  const vectors = semanticVectors(options);
  const en = englishVectorsFor(options);
  const normsOf: string[][] = kb.entries.map(() => []);
  kb.entries.forEach((entry, i) => {
    const texts = [entry.question, ...entry.alternates];
    if (entry.en) texts.push(entry.en.question, ...entry.en.alternates);
    for (const text of texts) {
      const { norm, chars, tokens } = pipeline.process(text);
      if (tokens.length === 0) continue;
      if (vectors || en) normsOf[i]!.push(norm);
      docsOf[i]!.push(phrasings.length);
      phrasings.push({ entry: i, norm, chars, tokens });
    }
  });
  const background = generalBackground(kb.entries.length, phrasings.length, options.idfFloor ?? IDF_FLOOR_ENTRIES);
  const phrases = new PhraseIndex(phrasings, background?.phrasings, carry);
  const entryDocs = docsOf.map((docs) => Int32Array.from(docs));
  const entryCount = kb.entries.length;
  const entryDf = new Float64Array(phrases.idf.length);
  const entryBags: Int32Array[] = [];
  const centroidWeights: Float64Array[] = [];
  // Per entry: how many of its phrasings use each token (merging the phrasings' sorted id lists).
  const uses: Array<Map<number, number>> = docsOf.map((docs) => {
    const count = new Map<number, number>();
    for (const d of docs) for (const id of phrases.tokenIdsOf(d)) count.set(id, (count.get(id) ?? 0) + 1);
    const bag = Int32Array.from(count.keys()).sort();
    for (const id of bag) entryDf[id]!++;
    entryBags.push(bag);
    return count;
  });
  const tokens = [...phrases.vocab.keys()];
  const entryIdf = backgroundIdf(entryDf, entryCount, tokens, background?.entries);
  let maxEntryIdf = idfOf(0, entryCount + (background?.entries.docs ?? 0));
  if (carry) maxEntryIdf = carry.entry(tokens, entryIdf, maxEntryIdf);
  const centroidNorm = new Float64Array(entryCount);
  uses.forEach((count, e) => {
    const phrasingsOfEntry = docsOf[e]!.length || 1;
    const weights = Float64Array.from(entryBags[e]!, (id) => ((count.get(id) ?? 0) / phrasingsOfEntry) * entryIdf[id]!);
    centroidWeights.push(weights);
    let norm = 0;
    for (const w of weights) norm += w * w;
    centroidNorm[e] = Math.sqrt(norm) || 1;
  });
  const keywordIds = keywords.map((words) => sortedIds(words.flatMap((w) => [...phrases.ids(pipeline.process(w).tokens)])));
  const fuzzy = options.fuzzy !== false;
  const typoWords = fuzzy ? phrasings.flatMap((p) => latinWords(p.norm)) : null;
  const domainWords = [...kb.synonyms.flat(), ...keywords.flat()].map((w) => normaliseText(w, options.normalise ?? true));
  const slips = fuzzy ? { domainWords, knownChars: [...new Set(phrasings.flatMap((p) => p.norm.match(/\p{Script=Han}/gu) ?? []))] } : null;
  const semantic = vectors ? buildSemanticIndexData(normsOf, vectors, memo?.zh) : null;
  const english = en ? buildEntryVectors(normsOf, en, (norm) => rememberRows(norm, memo?.en, (n) => pieceRows(n, en))) : null;
  const normal = (w: string): string => normaliseText(w, options.normalise ?? true);
  const offTopic = options.offTopic === false ? [] : [...offTopicWordsFor(phrasings.map((p) => p.norm), normal), ...(kb.offTopic ?? []).map(normal).filter((w) => w !== '')];
  return { data: { entryDocs, entryBags, centroidWeights, centroidNorm, entryIdf, maxEntryIdf, keywordIds, typoWords, slips, semantic, english, offTopic }, phrases };
}
