/** Whether a matcher uses the semantic layer, and how much its evidence weighs. */
import { statSync } from 'node:fs';
import type { MatcherOptions } from '../types.ts';
import { wordVectors, wordVectorsPath, type WordVectors } from './word-vectors.ts';
import { englishVectors, englishVectorsPath, type EnglishVectors } from './english-vectors.ts';

/** How the semantic evidence joins the 0..1 confidence (chosen on development data, see README.md). */
export interface SemanticWeights {
  /** Added to the confidence at full similarity. */
  weight: number;
  /** Similarity at or below which a query and an entry count as unrelated: word vectors of unrelated texts still agree a little. */
  floor: number;
  /** Share of the word alignment in the similarity; the rest is the cosine of the query's and the entry's mean vectors. */
  alignment: number;
  /** The English table's re-ranking: a candidate loses this much per unit of cosine it falls short of the closest candidate. */
  english: number;
}

export const SEMANTIC_WEIGHTS: SemanticWeights = { weight: 0.5, floor: 0.6, alignment: 0.5, english: 0.5 };

/** Whether the environment variable `name` says off (off, 0, false, no). */
export const switchedOffBy = (name: string): boolean => /^(off|0|false|no)$/i.test(process.env[name] ?? '');

/** `KEFU_SEMANTIC=off` turns the layer off for every matcher of the process (e.g. on a small machine). */
export const semanticSwitchedOff = (): boolean => switchedOffBy('KEFU_SEMANTIC');

/** The word vectors a matcher built with `options` uses, or null when the layer is off or no vectors are installed. */
export function semanticVectors(options: MatcherOptions): WordVectors | null {
  if (options.semantic === false || semanticSwitchedOff()) return null;
  return wordVectors();
}

/** The English piece vectors a matcher built with `options` uses, or null when the layer is off or the table is missing. */
export function englishVectorsFor(options: MatcherOptions): EnglishVectors | null {
  if (options.semantic === false || semanticSwitchedOff()) return null;
  return englishVectors();
}

/** What the layer loads: the vector file, its size, and the table once read in this thread. */
export interface SemanticLayerInfo {
  file: string;
  fileBytes: number;
  words: number;
  dim: number;
  /** Bytes the table holds in memory (quantised vectors and weights; the word map comes on top). */
  tableBytes: number;
  /** The English piece table beside it (knowledge-base/data), when present. */
  english: { file: string; fileBytes: number; pieces: number; dim: number; tableBytes: number } | null;
}

/** The layer's vector table as loaded in this thread (loading it if needed), or null when none is installed or it is switched off. */
export function semanticLayerInfo(): SemanticLayerInfo | null {
  if (semanticSwitchedOff()) return null;
  const file = wordVectorsPath();
  const vectors = wordVectors();
  if (!file || !vectors) return null;
  const enFile = englishVectorsPath();
  const en = englishVectors();
  const english =
    enFile && en
      ? { file: enFile, fileBytes: statSync(enFile).size + statSync(enFile.replace(/\.json$/, '.i8')).size, pieces: en.rows.size, dim: en.dim, tableBytes: en.data.byteLength + en.weight.byteLength + en.score.byteLength }
      : null;
  return { file, fileBytes: statSync(file).size, words: vectors.rows.size, dim: vectors.dim, tableBytes: vectors.data.byteLength + vectors.weight.byteLength, english };
}
