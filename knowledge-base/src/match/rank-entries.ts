/** Scores the entries closest to a query: BM25 picks candidates, then a 0..1 confidence mixes phrase and entry evidence. */
import type { ScoringWeights } from '../types.ts';
import { charBigramCodes } from './char-bigrams.ts';
import type { EntryIndex } from './entry-index.ts';
import type { QueryFixes } from './text-pipeline.ts';
import { findId, type PhraseIndex, type SearchHits } from './phrase-index.ts';
import { addRows, alignment, entryCosine, normalise, sentenceRows, type SemanticIndexData } from '../semantic/semantic-index.ts';
import { isBareKeyword } from './bare-keyword.ts';
import { SEMANTIC_WEIGHTS, type SemanticWeights } from '../semantic/semantic-layer.ts';
import { wordVectors, type WordVectors } from '../semantic/word-vectors.ts';
import { englishVectors, pieceRows } from '../semantic/english-vectors.ts';
import { rememberRows, type SentenceMemo, type WordPairs } from '../semantic/sentence-memo.ts';

/** One scored entry (index into the knowledge base's entries). */
export interface ScoredEntry {
  entry: number;
  score: number;
}

/** Ranks entries for `text`, best first, at most `weights.candidates` of them; `norm` is `text` already normalised when the caller has it. */
export type Ranker = (text: string, norm?: string) => ScoredEntry[];

/**
 * Builds the ranker over `index`; its scratch arrays are reused by every query, so a query allocates little. `memo`:
 * what the vector tables read, kept across the rankers of one calibration (`sentence-memo.ts`).
 */
export function createRanker(index: EntryIndex, weights: ScoringWeights, fuzzy: boolean, memo?: SentenceMemo): Ranker {
  const { phrases, pipeline, entryDocs, entryBags, keywordIds, typos, hanSlips, centroidWeights, centroidNorm, entryIdf, maxEntryIdf } = index;
  const entryCount = entryDocs.length;
  const entryBest = new Float64Array(entryCount);
  const entryStamp = new Int32Array(entryCount);
  // Entries the query touched, in touch order: one preallocated buffer instead of a growing array per query.
  const touchedEntries = new Int32Array(entryCount);
  const fixes: QueryFixes = {};
  if (typos) fixes.word = (w) => typos.correct(w);
  if (hanSlips) fixes.hanGuesses = hanSlips;
  let epoch = 0;
  // The semantic layer (off when the index has no semantic part): the query's sentence vector, in a reused buffer.
  const semantic = index.semantic;
  const vectors = semantic ? wordVectors() : null;
  const sem = SEMANTIC_WEIGHTS;
  const queryVector = new Float32Array(semantic?.dim ?? 0);
  // The English table (queries without Chinese): the cosine of sentence vectors only.
  const english = index.english;
  const en = english ? englishVectors() : null;
  const englishQuery = new Float32Array(english?.dim ?? 0);
  // Each candidate's English cosine, computed once per query (NaN: the entry has no English phrasing).
  const englishCosines = new Float64Array(weights.candidates);

  return (text, normalised) => {
    const { norm, chars, tokens } = pipeline.process(text, fixes, normalised);
    if (tokens.length === 0) return [];
    const ids = phrases.ids(tokens);
    const hits = phrases.search(ids);
    epoch++;
    const touched = bestPerEntry(hits, phrases.docEntry, entryBest, entryStamp, epoch, touchedEntries);
    const top = selectTop(touchedEntries, touched, entryBest, weights.candidates);
    // The semantic layer re-scores the lexical candidates: a query with no Chinese word the vectors know is left as it is,
    // and so is a bare keyword ("客服"): every entry that uses the word agrees with it fully, so meaning would only
    // lift one of several equal topics over the "did you mean" it should get.
    let meaning = false;
    let queryRows: readonly number[] = [];
    if (semantic && vectors && !isBareKeyword(text, true, norm)) {
      queryVector.fill(0);
      queryRows = rememberRows(norm, memo?.zh, (n) => sentenceRows(n, vectors));
      meaning = addRows(queryRows, vectors, queryVector) > 0 && normalise(queryVector);
    }
    let englishMeaning = false;
    if (english && en && !isBareKeyword(text, true, norm)) {
      englishQuery.fill(0);
      englishMeaning = addRows(rememberRows(norm, memo?.en, (n) => pieceRows(n, en)), en, englishQuery) > 0 && normalise(englishQuery);
    }
    const queryCodes = fuzzy ? charBigramCodes(chars) : null;
    let queryMass = 0;
    let entryQueryNorm = 0;
    for (const id of ids) {
      queryMass += id < 0 ? phrases.maxIdf ** 2 : phrases.idf[id]! ** 2;
      entryQueryNorm += id < 0 ? maxEntryIdf ** 2 : entryIdf[id]! ** 2;
    }
    entryQueryNorm = Math.sqrt(entryQueryNorm);
    const charShare = queryCodes ? weights.char : 0;
    const own = 1 - weights.coverage - weights.centroid;
    const scores: ScoredEntry[] = [];
    // English meaning only re-ranks: a candidate loses `SEMANTIC_WEIGHTS.english` × how far its cosine falls short of the closest
    // candidate's, so the best score keeps its level (adding the cosine lifted unrelated questions as much as real ones).
    // An entry with no English phrasing is left as it is.
    let closest = -1;
    if (englishMeaning) {
      top.forEach((e, k) => {
        englishCosines[k] = english!.present[e] ? entryCosine(english!, englishQuery, e) : NaN;
        if (englishCosines[k]! > closest) closest = englishCosines[k]!;
      });
    }
    for (const [k, e] of top.entries()) {
      const phrase = bestPhrasing(phrases, ids, entryDocs[e]!, hits.queryNorm, queryCodes, charShare);
      const { covered, keyword, centroid } = entryEvidence(phrases.idf, entryIdf, ids, entryBags[e]!, centroidWeights[e]!, keywordIds[e]!);
      let score =
        own * phrase + (weights.coverage * covered) / queryMass + weights.centroid * (centroid / (entryQueryNorm * centroidNorm[e]!)) + (weights.keyword * keyword) / queryMass;
      if (meaning) score += meaningBonus(semantic!, vectors!, queryVector, queryRows, e, sem, memo?.pairs ?? undefined);
      if (englishMeaning && !Number.isNaN(englishCosines[k]!)) score -= sem.english * (closest - englishCosines[k]!);
      scores.push({ entry: e, score });
    }
    // Ranked on the full score, reported on 0..1: two strong candidates both above 1 keep their order.
    scores.sort((a, b) => b.score - a.score);
    for (const s of scores) if (s.score > 1) s.score = 1;
    return scores;
  };
}

// The steps below are small separate functions rather than one large closure: the optimising compiler
// takes each of them on after a query or two, where a single large function stayed unoptimised (and slow)
// for the first ten or so queries after a build.

/**
 * The semantic layer's share of an entry's confidence: the similarity of meaning (half the cosine of the query's and
 * the entry's mean vectors, half how well the entry's words meet each query word), above the floor where unrelated
 * texts still agree, scaled to `weight` at full similarity.
 */
function meaningBonus(index: SemanticIndexData, vectors: WordVectors, queryVector: Float32Array, queryRows: readonly number[], e: number, sem: SemanticWeights, pairs?: WordPairs): number {
  const similarity = (1 - sem.alignment) * entryCosine(index, queryVector, e) + sem.alignment * alignment(index, vectors, queryRows, e, pairs);
  return similarity > sem.floor ? (sem.weight * (similarity - sem.floor)) / (1 - sem.floor) : 0;
}

/** Each touched entry's best BM25 over its phrasings; fills `out` with the entries in touch order and returns their count. */
function bestPerEntry(hits: SearchHits, docEntry: Int32Array, best: Float64Array, stamp: Int32Array, epoch: number, out: Int32Array): number {
  const { docs, bm25, count } = hits;
  let touched = 0;
  for (let k = 0; k < count; k++) {
    const doc = docs[k]!;
    const e = docEntry[doc]!;
    if (stamp[e] !== epoch) {
      stamp[e] = epoch;
      best[e] = 0;
      out[touched++] = e;
    }
    if (bm25[doc]! > best[e]!) best[e] = bm25[doc]!;
  }
  return touched;
}

/** Best phrasing score of one entry: idf-weighted token cosine mixed with character-pair Dice. */
function bestPhrasing(phrases: PhraseIndex, ids: Int32Array, docs: Int32Array, queryNorm: number, queryCodes: Int32Array | null, charShare: number): number {
  let phrase = 0;
  for (const doc of docs) {
    const cos = phrases.sharedMass(ids, doc) / (queryNorm * phrases.docNorm[doc]!);
    const s = queryCodes ? (1 - charShare) * cos + charShare * phrases.charSimilarity(queryCodes, doc) : cos;
    if (s > phrase) phrase = s;
  }
  return phrase;
}

/** Entry-level evidence for one entry: query idf mass it covers, centroid dot product, keyword idf mass. */
function entryEvidence(
  idf: Float64Array,
  entryIdf: Float64Array,
  ids: Int32Array,
  bag: Int32Array,
  cw: Float64Array,
  kw: Int32Array,
): { covered: number; keyword: number; centroid: number } {
  let covered = 0;
  let keyword = 0;
  let centroid = 0;
  for (const id of ids) {
    if (id < 0) continue;
    const at = findId(bag, id);
    if (at < 0) continue;
    covered += idf[id]! ** 2;
    centroid += entryIdf[id]! * cw[at]!;
    if (kw.length > 0 && findId(kw, id) >= 0) keyword += idf[id]! ** 2;
  }
  return { covered, keyword, centroid };
}

/**
 * The `k` entries of `list[0..count)` with the highest `score`, best first; ties keep list order (as a stable
 * sort of the whole list would). Only entries at or above the k-th best score are copied out and sorted.
 */
function selectTop(list: Int32Array, count: number, score: Float64Array, k: number): number[] {
  let min = -Infinity;
  if (count > 4 * k) {
    // One pass with a small sorted buffer finds the k-th best score.
    const bar: number[] = [];
    for (let i = 0; i < count; i++) {
      const s = score[list[i]!]!;
      if (bar.length < k) {
        bar.push(s);
        if (bar.length === k) bar.sort((a, b) => a - b);
      } else if (s > bar[0]!) {
        bar[0] = s;
        for (let j = 0; j + 1 < k && bar[j]! > bar[j + 1]!; j++) [bar[j], bar[j + 1]] = [bar[j + 1]!, bar[j]!];
      }
    }
    min = bar[0]!;
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (score[list[i]!]! >= min) out.push(list[i]!);
  out.sort((a, b) => score[b]! - score[a]!);
  if (out.length > k) out.length = k;
  return out;
}
