/**
 * English piece vectors: the 8,000 SentencePiece pieces of the Universal Sentence Encoder lite, each with the
 * encoder's embedding of the piece alone (distilled ahead of time by bench/distil-english-vectors.ts into
 * knowledge-base/data, 4 MB). An English sentence's vector is the weighted mean of its pieces' rows; nothing runs a
 * model at serving time and nothing is fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WordVectors } from './word-vectors.ts';
import { appendBestSplit } from './best-split.ts';

/** The table, shaped like the Chinese one (`rows`, `data`, `weight`), with each piece's log-probability for the split. */
export interface EnglishVectors extends WordVectors {
  score: Float32Array;
  /** Longest piece, in characters. */
  longest: number;
}

/** Smooth inverse frequency, as for the Chinese words, from the piece's own probability. */
const SIF_A = 1e-3;
/** Cost of a character no piece covers (a piece costs minus its log-probability; the rarest cost about 14). */
const UNKNOWN_COST = 20;
const WORD_START = '\u2581';

let loaded: EnglishVectors | null | undefined;

/** Where the table is (its JSON part), or null when it is missing. In the server's bundle this file's URL is its source's. */
export function englishVectorsPath(): string | null {
  const file = fileURLToPath(new URL('../../data/english-pieces.json', import.meta.url));
  return existsSync(file) ? file : null;
}

/** This thread's English table, read on first use (~20 ms); null when the data files are missing. */
export function englishVectors(): EnglishVectors | null {
  if (loaded === undefined) {
    const file = englishVectorsPath();
    loaded = file ? readEnglishVectors(file, file.replace(/\.json$/, '.i8')) : null;
  }
  return loaded;
}

/** Reads the table: a JSON list of [piece, log-probability] (0 for a piece that is never used) and the int8 rows in the same order. */
export function readEnglishVectors(jsonFile: string, rowsFile: string): EnglishVectors {
  const { dim, pieces } = JSON.parse(readFileSync(jsonFile, 'utf8')) as { dim: number; pieces: Array<[string, number]> };
  const bytes = readFileSync(rowsFile);
  const data = new Int8Array(bytes.buffer, bytes.byteOffset, pieces.length * dim);
  const rows = new Map<string, number>();
  const weight = new Float32Array(pieces.length);
  const score = new Float32Array(pieces.length);
  let longest = 1;
  pieces.forEach(([piece, logp], r) => {
    if (logp === 0) return;
    rows.set(piece, r);
    score[r] = logp;
    weight[r] = SIF_A / (SIF_A + Math.exp(logp));
    longest = Math.max(longest, piece.length);
  });
  return { dim, rows, data, weight, score, longest };
}

const HAN = /\p{Script=Han}/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * The table's rows for normalised text without Chinese: each word, marked as a word start, cut into pieces by the most
 * probable split (the encoder's own tokenisation). Text with Chinese has none: the Chinese table reads it.
 */
export function pieceRows(norm: string, vectors: EnglishVectors): number[] {
  const out: number[] = [];
  if (HAN.test(norm)) return out;
  const { rows, score, longest } = vectors;
  const costOf = (row: number): number => -score[row]!;
  for (const [word] of norm.matchAll(WORDS)) appendBestSplit(WORD_START + word, rows, costOf, longest, UNKNOWN_COST, out);
  return out;
}
