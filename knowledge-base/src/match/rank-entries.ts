/** Scores the entries closest to a query: BM25 picks candidates, then a 0..1 confidence mixes phrase and entry evidence. */
import type { ScoringWeights } from '../types.ts';
import { charBigramCodes, dice } from './char-bigrams.ts';
import { findId, type EntryIndex } from './entry-index.ts';

/** One scored entry (index into the knowledge base's entries). */
export interface ScoredEntry {
  entry: number;
  score: number;
}

/** Ranks entries for `text`, best first, at most `weights.candidates` of them. */
export function createRanker(index: EntryIndex, weights: ScoringWeights, fuzzy: boolean): (text: string) => ScoredEntry[] {
  const { phrases, pipeline, entryDocs, entryBags, keywordIds, typos, centroidWeights, centroidNorm, entryIdf, maxEntryIdf } = index;
  const entryCount = entryDocs.length;
  const entryBest = new Float64Array(entryCount);
  const entryStamp = new Int32Array(entryCount);
  const fixWord = typos ? (w: string): string => typos.correct(w) : undefined;
  let epoch = 0;

  return (text) => {
    const { norm, tokens } = pipeline.process(text, fixWord);
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
    top.sort((a, b) => entryBest[b]! - entryBest[a]!);
    if (top.length > weights.candidates) top.length = weights.candidates;
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
        const cos = phrases.wasHit(doc) ? hits.dot[doc]! / (hits.queryNorm * phrases.docNorm[doc]!) : 0;
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
