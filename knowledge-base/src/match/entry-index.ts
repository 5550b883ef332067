/** Everything precomputed for matching one knowledge base: the text pipeline, the phrase index and per-entry token sets. */
import type { KnowledgeBase, MatcherOptions } from '../types.ts';
import { latinWords } from '../text/tokenize.ts';
import { createHanSlipCorrector, type HanSlipCorrector } from '../text/han-slip-corrector.ts';
import { normaliseText } from '../text/normalise-text.ts';
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
}

const sortedIds = (ids: Iterable<number>): Int32Array => Int32Array.from(new Set([...ids].filter((id) => id >= 0))).sort();

/**
 * Indexes questions, alternates and keywords of every entry, in both languages; never the answers. `pipeline`: an
 * existing text pipeline to reuse (calibration indexes parts of a knowledge base with the whole one's vocabulary).
 */
export function buildEntryIndex(kb: KnowledgeBase, options: MatcherOptions, shared?: TextPipeline): EntryIndex {
  const keywordsOf = kb.entries.map((e) => [...e.keywords, ...(e.en?.keywords ?? [])]);
  const pipeline = shared ?? createTextPipeline(
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
  const entryIdf = entryDf.map((df) => Math.log(1 + (entryCount - df + 0.5) / (df + 0.5)));
  const centroidNorm = new Float64Array(entryCount);
  uses.forEach((count, e) => {
    const phrasingsOfEntry = docsOf[e]!.length || 1;
    const weights = Float64Array.from(entryBags[e]!, (id) => ((count.get(id) ?? 0) / phrasingsOfEntry) * entryIdf[id]!);
    centroidWeights.push(weights);
    let norm = 0;
    for (const w of weights) norm += w * w;
    centroidNorm[e] = Math.sqrt(norm) || 1;
  });
  const keywordIds = keywordsOf.map((words) => sortedIds(words.flatMap((w) => [...phrases.ids(pipeline.process(w).tokens)])));
  const fuzzy = options.fuzzy !== false;
  const typos = fuzzy ? createTypoCorrector(phrasings.flatMap((p) => latinWords(p.norm))) : null;
  const domainWords = [...kb.synonyms.flat(), ...keywordsOf.flat()].map((w) => normaliseText(w, options.normalise ?? true));
  const hanSlips = fuzzy ? createHanSlipCorrector(domainWords, new Set(phrasings.flatMap((p) => p.norm.match(/\p{Script=Han}/gu) ?? []))) : null;
  return { pipeline, phrases, entryDocs, entryBags, centroidWeights, centroidNorm, entryIdf, maxEntryIdf: Math.log(1 + (entryCount + 0.5) / 0.5), keywordIds, typos, hanSlips };
}
