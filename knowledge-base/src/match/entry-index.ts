/** Everything precomputed for matching one knowledge base: the text pipeline, the phrase index and per-entry token sets. */
import type { KnowledgeBase, MatcherOptions } from '../types.ts';
import { latinWords } from '../text/tokenize.ts';
import { createTypoCorrector, type TypoCorrector } from '../text/typo-corrector.ts';
import { PhraseIndex, type IndexedPhrasing } from './phrase-index.ts';
import { createTextPipeline, type TextPipeline } from './text-pipeline.ts';

export interface EntryIndex {
  pipeline: TextPipeline;
  phrases: PhraseIndex;
  /** Phrasing numbers of each entry. */
  entryDocs: Int32Array[];
  /** Sorted distinct token ids over all phrasings of each entry. */
  entryBags: Int32Array[];
  /** Centroid of each entry: sorted token ids, their weights, and the vector length. */
  centroidIds: Int32Array[];
  centroidWeights: Float64Array[];
  centroidNorm: Float64Array;
  /** idf over entries (how many entries use a token), for the centroid cosine. */
  entryIdf: Float64Array;
  maxEntryIdf: number;
  /** Sorted token ids of each entry's keywords. */
  keywordIds: Int32Array[];
  /** Null when fuzzy matching is off. */
  typos: TypoCorrector | null;
}

const sortedIds = (ids: Iterable<number>): Int32Array => Int32Array.from(new Set([...ids].filter((id) => id >= 0))).sort();

/** Indexes questions, alternates and keywords of every entry, in both languages; never the answers. */
export function buildEntryIndex(kb: KnowledgeBase, options: MatcherOptions): EntryIndex {
  const keywordsOf = kb.entries.map((e) => [...e.keywords, ...(e.en?.keywords ?? [])]);
  const pipeline = createTextPipeline(
    { tokenizer: options.tokenizer ?? 'combined', normalise: options.normalise ?? true, synonyms: options.synonyms ?? true },
    kb.synonyms,
    [...kb.synonyms.flat(), ...keywordsOf.flat()],
  );
  const phrasings: IndexedPhrasing[] = [];
  const docsOf: number[][] = kb.entries.map(() => []);
  kb.entries.forEach((entry, i) => {
    const texts = [entry.question, ...entry.alternates];
    if (entry.en) texts.push(entry.en.question, ...entry.en.alternates);
    for (const text of texts) {
      const { norm, tokens } = pipeline.process(text);
      if (tokens.length === 0) continue;
      docsOf[i]!.push(phrasings.length);
      phrasings.push({ entry: i, norm, tokens });
    }
  });
  const phrases = new PhraseIndex(phrasings);
  const entryDocs = docsOf.map((docs) => Int32Array.from(docs));
  const entryBags = docsOf.map((docs) => sortedIds(docs.flatMap((d) => [...phrases.ids(phrasings[d]!.tokens)])));
  const keywordIds = keywordsOf.map((words) => sortedIds(words.flatMap((w) => [...phrases.ids(pipeline.process(w).tokens)])));
  const entryCount = kb.entries.length;
  const entryDf = new Float64Array(phrases.idf.length);
  for (const bag of entryBags) for (const id of bag) entryDf[id]!++;
  const entryIdf = entryDf.map((df) => Math.log(1 + (entryCount - df + 0.5) / (df + 0.5)));
  const centroidIds: Int32Array[] = [];
  const centroidWeights: Float64Array[] = [];
  const centroidNorm = new Float64Array(entryCount);
  docsOf.forEach((docs, e) => {
    const share = new Map<number, number>();
    for (const d of docs) for (const id of new Set(phrases.ids(phrasings[d]!.tokens))) share.set(id, (share.get(id) ?? 0) + 1 / docs.length);
    const ids = entryBags[e]!;
    const weights = Float64Array.from(ids, (id) => (share.get(id) ?? 0) * entryIdf[id]!);
    centroidIds.push(ids);
    centroidWeights.push(weights);
    centroidNorm[e] = Math.sqrt(weights.reduce((a, w) => a + w * w, 0)) || 1;
  });
  const typos = options.fuzzy === false ? null : createTypoCorrector(phrasings.flatMap((p) => latinWords(p.norm)));
  return { pipeline, phrases, entryDocs, entryBags, centroidIds, centroidWeights, centroidNorm, entryIdf, maxEntryIdf: Math.log(1 + (entryCount + 0.5) / 0.5), keywordIds, typos };
}

/** Position of `id` in a sorted id array, or -1. */
export function findId(sorted: Int32Array, id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
