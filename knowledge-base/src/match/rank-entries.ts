/** Scores the entries closest to a query: BM25 picks candidates, then a 0..1 confidence mixes phrase and entry evidence. */
import type { ScoringWeights } from '../types.ts';
import { charBigramCodes, dice } from './char-bigrams.ts';
import type { EntryIndex } from './entry-index.ts';
import type { QueryFixes } from './text-pipeline.ts';
import { findId } from './phrase-index.ts';

/** One scored entry (index into the knowledge base's entries). */
export interface ScoredEntry {
  entry: number;
  score: number;
}

/** Ranks entries for `text`, best first, at most `weights.candidates` of them. */
export function createRanker(index: EntryIndex, weights: ScoringWeights, fuzzy: boolean): (text: string) => ScoredEntry[] {
  const { phrases, pipeline, entryDocs, entryBags, keywordIds, typos, hanSlips, centroidWeights, centroidNorm, entryIdf, maxEntryIdf } = index;
  const entryCount = entryDocs.length;
  const entryBest = new Float64Array(entryCount);
  const entryStamp = new Int32Array(entryCount);
  const fixes: QueryFixes = {};
  if (typos) fixes.word = (w) => typos.correct(w);
  if (hanSlips) fixes.hanGuesses = hanSlips;
  let epoch = 0;

  return (text) => {
    const { norm, tokens } = pipeline.process(text, fixes);
    if (tokens.length === 0) return [];
    const ids = phrases.ids(tokens);
    const hits = phrases.search(ids);
    epoch++;
    const top: number[] = [];
    for (let k = 0; k < hits.count; k++) {
      const doc = hits.docs[k]!;
      const e = phrases.docEntry[doc]!;
      if (entryStamp[e] !== epoch) {
        entryStamp[e] = epoch;
        entryBest[e] = 0;
        top.push(e);
      }
      if (hits.bm25[doc]! > entryBest[e]!) entryBest[e] = hits.bm25[doc]!;
    }
    selectTop(top, entryBest, weights.candidates);
    const queryCodes = fuzzy ? charBigramCodes(norm) : null;
    let queryMass = 0;
    let entryQueryNorm = 0;
    for (const id of ids) {
      queryMass += id < 0 ? phrases.maxIdf ** 2 : phrases.idf[id]! ** 2;
      entryQueryNorm += id < 0 ? maxEntryIdf ** 2 : entryIdf[id]! ** 2;
    }
    entryQueryNorm = Math.sqrt(entryQueryNorm);
    const charShare = queryCodes ? weights.char : 0;
    const scores: ScoredEntry[] = top.map((e) => {
      let phrase = 0;
      for (const doc of entryDocs[e]!) {
        const cos = phrases.sharedMass(doc) / (hits.queryNorm * phrases.docNorm[doc]!);
        const s = queryCodes ? (1 - charShare) * cos + charShare * dice(queryCodes, phrases.docCodes[doc]!) : cos;
        if (s > phrase) phrase = s;
      }
      let covered = 0;
      let keyword = 0;
      let centroid = 0;
      const bag = entryBags[e]!;
      const cw = centroidWeights[e]!;
      const kw = keywordIds[e]!;
      for (const id of ids) {
        if (id < 0) continue;
        const at = findId(bag, id);
        if (at < 0) continue;
        covered += phrases.idf[id]! ** 2;
        centroid += entryIdf[id]! * cw[at]!;
        if (kw.length > 0 && findId(kw, id) >= 0) keyword += phrases.idf[id]! ** 2;
      }
      centroid /= entryQueryNorm * centroidNorm[e]!;
      const own = 1 - weights.coverage - weights.centroid;
      const score = own * phrase + (weights.coverage * covered) / queryMass + weights.centroid * centroid + (weights.keyword * keyword) / queryMass;
      return { entry: e, score: Math.min(1, score) };
    });
    scores.sort((a, b) => b.score - a.score);
    return scores;
  };
}

/** Keeps the `k` entries with the highest `score` in `list` (best first), without sorting all of a large list. */
function selectTop(list: number[], score: Float64Array, k: number): void {
  if (list.length > 4 * k) {
    // Only entries at or above the k-th best can stay: one pass with a small sorted buffer finds that bar.
    const bar: number[] = [];
    for (const e of list) {
      const s = score[e]!;
      if (bar.length < k) {
        bar.push(s);
        if (bar.length === k) bar.sort((a, b) => a - b);
      } else if (s > bar[0]!) {
        bar[0] = s;
        for (let i = 0; i + 1 < k && bar[i]! > bar[i + 1]!; i++) [bar[i], bar[i + 1]] = [bar[i + 1]!, bar[i]!];
      }
    }
    const min = bar[0]!;
    let w = 0;
    for (const e of list) if (score[e]! >= min) list[w++] = e;
    list.length = w;
  }
  list.sort((a, b) => score[b]! - score[a]!);
  if (list.length > k) list.length = k;
}
