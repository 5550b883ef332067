/**
 * The semantic layer's part of an entry index: per entry the mean of its phrasings' sentence vectors and the distinct
 * words its phrasings use, so a query's candidates can be compared by meaning, not only by the words they share.
 */
import type { WordVectors } from './word-vectors.ts';
import { appendBestSplit } from './best-split.ts';
import { pairDot, placeOf, rememberRows, type WordPairs } from './sentence-memo.ts';

/** Per entry the normalised mean of its phrasings' sentence vectors. */
export interface EntryVectors {
  dim: number;
  /** Entry `e`'s unit vector is `entryVectors[e * dim .. (e + 1) * dim)`; all zero when no word of it is known. */
  entryVectors: Float32Array;
}

/** Plain data (typed arrays), built where the entry index is built and posted with it. */
export interface SemanticIndexData extends EntryVectors {
  /** Distinct table rows of the words of entry `e`'s phrasings: `wordRows[wordStart[e] .. wordStart[e + 1])`. */
  wordStart: Int32Array;
  wordRows: Int32Array;
}

const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const HAN = /\p{Script=Han}/u;
/** Longest Chinese word looked up in the table. */
const MAX_WORD = 4;
/** Cost of skipping a character the table does not know (a word's cost is the log of its frequency rank). */
const SKIP_COST = 10;
/** A word's cost: the log of its frequency rank (rows are in order of frequency). */
const wordCost = (row: number): number => Math.log(row + 2);

/**
 * The table's rows for normalised text: each Chinese run cut into the table's own words by the most probable split
 * (word probability from its frequency rank, Zipf), so a query is read in the units the vectors know
 * (东西坏了能派人来 → 东西 坏 能 派人 来); other words looked up whole. The vectors are Chinese (with the names and
 * Latin words Chinese text uses): text without Chinese is left to the lexical layer.
 */
export function sentenceRows(norm: string, vectors: WordVectors): number[] {
  const { rows } = vectors;
  const out: number[] = [];
  if (!HAN.test(norm)) return out;
  for (const m of norm.matchAll(RUNS)) {
    const run = m[1];
    if (run === undefined) {
      const row = rows.get(m[2]!);
      if (row !== undefined) out.push(row);
      continue;
    }
    appendBestSplit(run, rows, wordCost, MAX_WORD, SKIP_COST, out);
  }
  return out;
}

/** Adds to `out` the weighted vectors of table rows and returns the total weight (0 when there are none). */
export function addRows(rows: readonly number[], vectors: WordVectors, out: Float32Array): number {
  const { data, weight, dim } = vectors;
  let total = 0;
  for (const row of rows) {
    const w = weight[row]!;
    const at = row * dim;
    for (let d = 0; d < dim; d++) out[d]! += w * data[at + d]!;
    total += w;
  }
  return total;
}

/** Scales `v` to unit length in place; returns false when it is zero. */
export function normalise(v: Float32Array): boolean {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!;
  if (n === 0) return false;
  n = 1 / Math.sqrt(n);
  for (let d = 0; d < v.length; d++) v[d]! *= n;
  return true;
}

/** The semantic index of entries given as their phrasings' normalised texts; `memo` remembers each text's rows (`sentence-memo.ts`). */
export function buildSemanticIndexData(entryPhrasings: ReadonlyArray<readonly string[]>, vectors: WordVectors, memo?: Map<string, readonly number[]>): SemanticIndexData {
  const { dim } = vectors;
  const entryVectors = new Float32Array(entryPhrasings.length * dim);
  const wordStart = new Int32Array(entryPhrasings.length + 1);
  const allRows: number[] = [];
  const one = new Float32Array(dim);
  entryPhrasings.forEach((phrasings, e) => {
    const entry = entryVectors.subarray(e * dim, (e + 1) * dim);
    const own = new Set<number>();
    for (const norm of phrasings) {
      const rows = rememberRows(norm, memo, (n) => sentenceRows(n, vectors));
      for (const r of rows) own.add(r);
      one.fill(0);
      if (addRows(rows, vectors, one) > 0 && normalise(one)) for (let d = 0; d < dim; d++) entry[d]! += one[d]!;
    }
    normalise(entry);
    allRows.push(...own);
    wordStart[e + 1] = allRows.length;
  });
  return { dim, entryVectors, wordStart, wordRows: Int32Array.from(allRows) };
}

/** Entry vectors, and which entries have one: an entry none of whose phrasings the table reads has no meaning to compare. */
export interface PartialEntryVectors extends EntryVectors {
  present: Uint8Array;
}

/** Per entry the normalised mean of the unit sentence vectors of its phrasings that `rowsOf` reads (the English table's entry vectors). */
export function buildEntryVectors(entryPhrasings: ReadonlyArray<readonly string[]>, vectors: WordVectors, rowsOf: (norm: string) => readonly number[]): PartialEntryVectors {
  const { dim } = vectors;
  const entryVectors = new Float32Array(entryPhrasings.length * dim);
  const present = new Uint8Array(entryPhrasings.length);
  const one = new Float32Array(dim);
  entryPhrasings.forEach((phrasings, e) => {
    const entry = entryVectors.subarray(e * dim, (e + 1) * dim);
    for (const norm of phrasings) {
      one.fill(0);
      if (addRows(rowsOf(norm), vectors, one) > 0 && normalise(one)) for (let d = 0; d < dim; d++) entry[d]! += one[d]!;
    }
    present[e] = normalise(entry) ? 1 : 0;
  });
  return { dim, entryVectors, present };
}

/** Cosine of unit vector `q` with entry `e`'s mean vector. */
export function entryCosine(index: EntryVectors, q: Float32Array, e: number): number {
  const { dim, entryVectors } = index;
  const at = e * dim;
  let s = 0;
  for (let d = 0; d < dim; d++) s += q[d]! * entryVectors[at + d]!;
  return s;
}

/**
 * How well the query's words are met by entry `e`'s words: each query word's best cosine with a word of the entry
 * (1 for a word the entry uses itself), weighted as in a sentence vector. `pairs` keeps the word pairs compared.
 */
export function alignment(index: SemanticIndexData, vectors: WordVectors, queryRows: readonly number[], e: number, pairs?: WordPairs): number {
  const { wordRows, wordStart } = index;
  const { data, weight, dim } = vectors;
  const from = wordStart[e]!;
  const to = wordStart[e + 1]!;
  let total = 0;
  let mass = 0;
  for (const q of queryRows) {
    const qa = q * dim;
    const qAt = pairs ? placeOf(pairs, q) : -1;
    let best = 0;
    for (let k = from; k < to; k++) {
      const r = wordRows[k]!;
      if (r === q) {
        best = 127 * 127;
        break;
      }
      let s = 0;
      // Serving computes each pair (the common path, kept inline); a fit reads and keeps them in `pairs`.
      if (qAt >= 0) s = pairDot(pairs!, qAt, placeOf(pairs!, r), data, q, r, dim);
      else {
        const ra = r * dim;
        for (let d = 0; d < dim; d++) s += data[qa + d]! * data[ra + d]!;
      }
      if (s > best) best = s;
    }
    total += weight[q]! * best;
    mass += weight[q]!;
  }
  return mass > 0 ? total / (mass * 127 * 127) : 0;
}
