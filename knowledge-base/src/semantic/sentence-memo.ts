/**
 * What a build that indexes and asks the same sentences many times over remembers between its indexes (calibration
 * asks each phrasing of a knowledge base of fifteen folds): the table rows each text reads as, and the similarity of
 * the word pairs the alignment has already compared (a fit of the demo content compares 6.1 M pairs, 0.7 M of them
 * distinct). Serving does not use it: its queries are new text, and what it would remember would grow without bound.
 */
import type { WordVectors } from './word-vectors.ts';

/** Words given a place in the pair table, first come first placed; pairs with a word beyond them are computed each time. */
export const MAX_WORDS = 2048;
/** An empty cell (the dot product of two rows, each 127 × a unit vector rounded, stays within ±17,424). */
const UNSET = -32768;

/** Dot products of word rows (as the int8 table stores them), kept for the words placed so far. */
export interface WordPairs {
  /** The place of each table row, -1 while it has none. */
  place: Int32Array;
  placed: number;
  /** Cell `a * MAX_WORDS + b`: the dot product of the rows placed at `a` and `b`, or `UNSET`. */
  dots: Int16Array;
}

export interface SentenceMemo {
  /** The Chinese table's rows of each normalised text (`sentenceRows`). */
  zh: Map<string, readonly number[]>;
  /** The English table's rows of each normalised text (`pieceRows`). */
  en: Map<string, readonly number[]>;
  /** Null without the Chinese table. */
  pairs: WordPairs | null;
}

export function createSentenceMemo(vectors: WordVectors | null): SentenceMemo {
  const pairs = vectors ? { place: new Int32Array(vectors.weight.length).fill(-1), placed: 0, dots: new Int16Array(MAX_WORDS * MAX_WORDS).fill(UNSET) } : null;
  return { zh: new Map(), en: new Map(), pairs };
}

/** `read(norm)`, remembered in `memo` when there is one. */
export function rememberRows(norm: string, memo: Map<string, readonly number[]> | undefined, read: (norm: string) => number[]): readonly number[] {
  let rows = memo?.get(norm);
  if (rows === undefined) {
    rows = read(norm);
    memo?.set(norm, rows);
  }
  return rows;
}

/** The place of `row` in `pairs`, given one if there is room; -1 when there is none. */
export function placeOf(pairs: WordPairs, row: number): number {
  let at = pairs.place[row]!;
  if (at < 0 && pairs.placed < MAX_WORDS) at = pairs.place[row] = pairs.placed++;
  return at;
}

/** The dot product of rows `q` (placed at `qAt`) and `r` of `data`, read from or kept in `pairs` when `r` has a place too (`rAt`). */
export function pairDot(pairs: WordPairs, qAt: number, rAt: number, data: Int8Array, q: number, r: number, dim: number): number {
  const cell = rAt >= 0 ? qAt * MAX_WORDS + rAt : -1;
  if (cell >= 0) {
    const known = pairs.dots[cell]!;
    if (known !== UNSET) return known;
  }
  const qa = q * dim;
  const ra = r * dim;
  let s = 0;
  for (let d = 0; d < dim; d++) s += data[qa + d]! * data[ra + d]!;
  if (cell >= 0) pairs.dots[cell] = pairs.dots[rAt * MAX_WORDS + qAt] = s;
  return s;
}
