/**
 * Chinese word vectors, read once per thread from the registry package that ships them (node-synonyms: 125,796
 * words × 100 dimensions, word2vec trained on Chinese Wikipedia, words in order of frequency). Nothing is fetched:
 * when the package is not installed the semantic layer is simply off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readCachedTable, storeTable, tableKey } from './word-vectors-cache.ts';

export interface WordVectors {
  dim: number;
  /** Row of each word. */
  rows: Map<string, number>;
  /** Row `r` is `data[r * dim .. (r + 1) * dim)`, scaled to unit length and stored as round(127 × value) (a quarter of the memory of float32). */
  data: Int8Array;
  /** How much each row counts in a sentence: rare words more than common ones (smooth inverse frequency). */
  weight: Float32Array;
}

/**
 * The table as plain data another thread can adopt (`adoptWordVectors`) instead of parsing the file again: its rows and
 * weights live in shared memory, so posting them copies only the word list.
 */
export interface SharedWordVectors {
  dim: number;
  /** Word of each row, in row order. */
  words: string[];
  data: Int8Array;
  weight: Float32Array;
}

/** Smooth inverse frequency: a word's weight is A / (A + p(w)), p from its frequency rank (Zipf). */
const SIF_A = 1e-3;

let loaded: WordVectors | null | undefined;

/** Where the vectors are: `KEFU_WORD_VECTORS` (a word2vec binary file), else the installed package's file; null if neither exists. */
export function wordVectorsPath(): string | null {
  const own = process.env.KEFU_WORD_VECTORS;
  if (own) return existsSync(own) ? own : null;
  const pkg = vectorPackage();
  const file = pkg && join(dirname(pkg), 'data', 'words.vector');
  return file && existsSync(file) ? file : null;
}

/**
 * The package's package.json, found from this file and, when this file is bundled into the server (server/dist), from
 * the knowledge-base package that declares it: the server's own folder does not hold the knowledge base's dependencies.
 */
function vectorPackage(): string | null {
  const here = createRequire(import.meta.url);
  for (const from of [() => here, () => createRequire(here.resolve('@kefu/knowledge-base/package.json'))]) {
    try {
      return from().resolve('node-synonyms/package.json');
    } catch {
      // Not from there.
    }
  }
  return null;
}

/** The word vectors of this thread, read on first use; null when none are installed. */
export function wordVectors(): WordVectors | null {
  if (loaded === undefined) {
    const path = wordVectorsPath();
    loaded = path ? readWordVectors(path) : null;
  }
  return loaded;
}

/** The table in the word2vec file `path`: the parsed copy in `cacheDir` when there is one, else parsed (~0.6 s) and kept there. */
export function readWordVectors(path: string, cacheDir?: string): WordVectors {
  const key = tableKey(path, `${parseWord2vecBinary.toString()}\0${SIF_A}`);
  const cached = readCachedTable(key, cacheDir);
  if (cached) return cached;
  const table = parseWord2vecBinary(readFileSync(path));
  storeTable(key, table, cacheDir);
  return table;
}

/** This thread's table as shareable data, when it has read one (never reads it). */
export function shareWordVectors(): SharedWordVectors | null {
  return loaded ? { dim: loaded.dim, words: [...loaded.rows.keys()], data: loaded.data, weight: loaded.weight } : null;
}

/** Takes another thread's table (`shareWordVectors`) as this thread's, unless this one has already read or looked for one. */
export function adoptWordVectors(shared: SharedWordVectors): void {
  if (loaded !== undefined) return;
  const rows = new Map<string, number>();
  shared.words.forEach((word, r) => rows.set(word, r));
  loaded = { dim: shared.dim, rows, data: shared.data, weight: shared.weight };
}

/** Parses word2vec's binary format: a "count dim" header line, then per word its bytes, a space and dim little-endian float32s. */
export function parseWord2vecBinary(buf: Buffer): WordVectors {
  let p = buf.indexOf(10);
  const [count, dim] = buf.subarray(0, p).toString('latin1').trim().split(/\s+/).map(Number) as [number, number];
  p++;
  const decoder = new TextDecoder();
  const rows = new Map<string, number>();
  // In shared memory, so other threads can adopt the table without a copy (`shareWordVectors`).
  const data = new Int8Array(new SharedArrayBuffer(count * dim));
  const row = new Float32Array(dim);
  const weight = new Float32Array(new SharedArrayBuffer(4 * count));
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const harmonic = Math.log(1.78 * count);
  let r = 0;
  for (let i = 0; i < count && p < buf.length; i++) {
    while (buf[p] === 10) p++;
    const space = buf.indexOf(32, p);
    if (space < 0) break;
    const word = decoder.decode(buf.subarray(p, space));
    p = space + 1;
    if (p + 4 * dim > buf.length) break;
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const v = view.getFloat32(p, true);
      row[d] = v;
      norm += v * v;
      p += 4;
    }
    if (rows.has(word) || norm === 0) continue;
    // Unit rows rarely have a component above 0.5 in absolute value; 127 × value keeps two decimals of each.
    const scale = 127 / Math.sqrt(norm);
    const at = r * dim;
    for (let d = 0; d < dim; d++) data[at + d] = Math.max(-127, Math.min(127, Math.round(row[d]! * scale)));
    rows.set(word, r);
    weight[r] = SIF_A / (SIF_A + 1 / ((i + 1) * harmonic));
    r++;
  }
  return { dim, rows, data: data.subarray(0, r * dim), weight: weight.subarray(0, r) };
}
