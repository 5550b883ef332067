/** Inverted index over every phrasing of every entry, scored with BM25; precomputed so a query touches only its postings. */
import { charBigramCodes } from './char-bigrams.ts';

/** One indexed phrasing (a question or an alternate, in one language). */
export interface IndexedPhrasing {
  entry: number;
  norm: string;
  tokens: string[];
}

const K1 = 1.2;
const B = 0.5;

/** Scores of the phrasings a query touched; arrays are scratch space reused by the next search. */
export interface SearchHits {
  /** Phrasing numbers with a non-zero score, in touch order. */
  docs: Int32Array;
  count: number;
  bm25: Float64Array;
  /** Sum of squared idf of the query tokens the phrasing shares (cosine numerator). */
  dot: Float64Array;
  /** Query vector length for the cosine (out-of-vocabulary tokens count with the highest idf). */
  queryNorm: number;
}

export class PhraseIndex {
  readonly docEntry: Int32Array;
  readonly docNorm: Float64Array;
  readonly docCodes: Int32Array[];
  readonly idf: Float64Array;
  readonly vocab = new Map<string, number>();
  readonly maxIdf: number;
  private readonly postStart: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float64Array;
  private readonly bm25: Float64Array;
  private readonly dot: Float64Array;
  private readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private epoch = 0;

  constructor(phrasings: IndexedPhrasing[]) {
    const n = phrasings.length;
    this.docEntry = Int32Array.from(phrasings, (p) => p.entry);
    this.docCodes = phrasings.map((p) => charBigramCodes(p.norm));
    const docTokens: Int32Array[] = [];
    const df: number[] = [];
    let totalLen = 0;
    for (const p of phrasings) {
      const ids = new Int32Array(p.tokens.length);
      p.tokens.forEach((t, i) => {
        let id = this.vocab.get(t);
        if (id === undefined) {
          id = this.vocab.size;
          this.vocab.set(t, id);
          df.push(0);
        }
        ids[i] = id;
      });
      for (const id of new Set(ids)) df[id]!++;
      docTokens.push(ids);
      totalLen += ids.length;
    }
    const avgLen = n > 0 ? totalLen / n || 1 : 1;
    this.idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    // Postings as one flat array grouped by token (CSR layout): no per-query allocation, cache friendly.
    const counts = new Int32Array(df.length + 1);
    const tfs = docTokens.map((ids) => {
      const tf = new Map<number, number>();
      for (const id of ids) tf.set(id, (tf.get(id) ?? 0) + 1);
      for (const id of tf.keys()) counts[id + 1]!++;
      return tf;
    });
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    this.postStart = counts.slice();
    const fill = counts.slice();
    const total = counts[counts.length - 1]!;
    this.postDoc = new Int32Array(total);
    this.postWeight = new Float64Array(total);
    this.docNorm = new Float64Array(n);
    tfs.forEach((tf, doc) => {
      const len = docTokens[doc]!.length;
      let norm = 0;
      for (const [id, f] of tf) {
        const at = fill[id]!++;
        this.postDoc[at] = doc;
        this.postWeight[at] = (this.idf[id]! * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / avgLen));
        norm += this.idf[id]! ** 2;
      }
      this.docNorm[doc] = Math.sqrt(norm);
    });
    this.bm25 = new Float64Array(n);
    this.dot = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.stamp = new Int32Array(n);
  }

  /** Token ids of `tokens` (-1 for unknown), duplicates removed. */
  ids(tokens: readonly string[]): Int32Array {
    const seen = new Set<string>();
    const out: number[] = [];
    for (const t of tokens) {
      if (seen.has(t)) continue;
      seen.add(t);
      out.push(this.vocab.get(t) ?? -1);
    }
    return Int32Array.from(out);
  }

  /** True when the last search touched phrasing `doc` (its bm25/dot values are current). */
  wasHit(doc: number): boolean {
    return this.stamp[doc] === this.epoch;
  }

  /** BM25 and shared-idf sums for every phrasing that shares a token with the query. */
  search(queryIds: Int32Array): SearchHits {
    this.epoch++;
    let count = 0;
    let queryNorm = 0;
    for (const id of queryIds) {
      if (id < 0) {
        queryNorm += this.maxIdf ** 2;
        continue;
      }
      const idf = this.idf[id]!;
      queryNorm += idf * idf;
      for (let at = this.postStart[id]!, end = this.postStart[id + 1]!; at < end; at++) {
        const doc = this.postDoc[at]!;
        if (this.stamp[doc] !== this.epoch) {
          this.stamp[doc] = this.epoch;
          this.bm25[doc] = 0;
          this.dot[doc] = 0;
          this.touched[count++] = doc;
        }
        this.bm25[doc]! += this.postWeight[at]!;
        this.dot[doc]! += idf * idf;
      }
    }
    return { docs: this.touched, count, bm25: this.bm25, dot: this.dot, queryNorm: Math.sqrt(queryNorm) };
  }
}
