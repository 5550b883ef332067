/** Inverted index over every phrasing of every entry, scored with BM25; precomputed so a query touches only its postings. */
import { charBigramCodes, dice } from './char-bigrams.ts';
import type { TermCarry } from './term-weights.ts';

/** One indexed phrasing (a question or an alternate, in one language). */
export interface IndexedPhrasing {
  entry: number;
  norm: string;
  /** The text its character pairs are taken from (`ProcessedText.chars`). */
  chars: string;
  tokens: string[];
}

const K1 = 1.2;
const B = 0.5;
/**
 * Postings longer than this and than COMMON_SHARE of all phrasings are too common to pick candidates (they still
 * count in scores): at 10k synthetic entries that walks a third of the postings (the longest lists are template
 * words and characters) and raised top-1 by a point or two; the knowledge bases of the development data are
 * smaller than this, so nothing changes for them.
 */
const COMMON_POSTINGS = 1024;
const COMMON_SHARE = 1 / 40;

/** Scores of the phrasings a query touched; arrays are scratch space reused by the next search. */
export interface SearchHits {
  /** Phrasing numbers with a non-zero score, in touch order. */
  docs: Int32Array;
  count: number;
  bm25: Float64Array;
  /** Query vector length for the cosine (out-of-vocabulary tokens count with the highest idf). */
  queryNorm: number;
}

/** Position of `id` in a sorted id array (or in its slice `[from, to)`), or -1. */
export function findId(sorted: Int32Array, id: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Everything a built index holds except its per-query scratch space: plain data that a worker can post (structured clone). */
export interface PhraseIndexData {
  docEntry: Int32Array;
  docIds: Int32Array;
  docIdStart: Int32Array;
  docNorm: Float64Array;
  docCodes: Int32Array;
  docCodeStart: Int32Array;
  idf: Float64Array;
  vocab: Map<string, number>;
  maxIdf: number;
  postStart: Int32Array;
  postDoc: Int32Array;
  postWeight: Float64Array;
  commonDf: number;
}

/** Documents that count in the idf but are not indexed: `docs` of them, a `share(token)` of which use each token. */
export interface Background {
  docs: number;
  share(token: string): number;
}

/** BM25 idf of a token used by `d` of `n` documents. */
export const idfOf = (d: number, n: number): number => Math.log(1 + (n - d + 0.5) / (d + 0.5));

/** BM25 idf of each token (`tokens[id]`, used by `df[id]` of `n` documents), with the `background` documents counted too. */
export function backgroundIdf(df: ArrayLike<number>, n: number, tokens: readonly string[], background?: Background): Float64Array {
  const extra = background?.docs ?? 0;
  return Float64Array.from({ length: df.length }, (_, id) => idfOf(df[id]! + (extra > 0 ? extra * background!.share(tokens[id]!) : 0), n + extra));
}

export class PhraseIndex {
  readonly docEntry: Int32Array;
  /**
   * Sorted distinct token ids of phrasing `doc`: `docIds[docIdStart[doc] .. docIdStart[doc + 1])`. Per-phrasing
   * data lives in a few flat arrays rather than two small arrays per phrasing, so the garbage collector has
   * a handful of objects to trace instead of hundreds of thousands at large sizes.
   */
  readonly docIds: Int32Array;
  readonly docIdStart: Int32Array;
  readonly docNorm: Float64Array;
  /** Character-pair codes of phrasing `doc`: `docCodes[docCodeStart[doc] .. docCodeStart[doc + 1])`. */
  readonly docCodes: Int32Array;
  readonly docCodeStart: Int32Array;
  readonly idf: Float64Array;
  readonly vocab = new Map<string, number>();
  readonly maxIdf: number;
  private readonly postStart: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float64Array;
  private readonly commonDf: number;
  private readonly bm25: Float64Array;
  private readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private epoch = 0;

  /**
   * `background`: documents counted in the idf as well (a small knowledge base's general-text floor, `entry-index.ts`).
   * `carry`: the replaced build's word weights, kept for the words both know unless the content has drifted far from them.
   */
  constructor(phrasings: IndexedPhrasing[], background?: Background, carry?: TermCarry) {
    const n = phrasings.length;
    this.docEntry = Int32Array.from(phrasings, (p) => p.entry);
    const codes = phrasings.map((p) => charBigramCodes(p.chars));
    this.docCodeStart = new Int32Array(n + 1);
    for (let doc = 0; doc < n; doc++) this.docCodeStart[doc + 1] = this.docCodeStart[doc]! + codes[doc]!.length;
    this.docCodes = new Int32Array(this.docCodeStart[n]!);
    codes.forEach((c, doc) => this.docCodes.set(c, this.docCodeStart[doc]!));
    const docIds: Int32Array[] = [];
    const docTfs: Int32Array[] = [];
    const df: number[] = [];
    let totalLen = 0;
    for (const p of phrasings) {
      const all = new Int32Array(p.tokens.length);
      p.tokens.forEach((t, i) => {
        let id = this.vocab.get(t);
        if (id === undefined) {
          id = this.vocab.size;
          this.vocab.set(t, id);
          df.push(0);
        }
        all[i] = id;
      });
      all.sort();
      // Runs of equal ids in the sorted array give distinct ids and their term frequencies without a Map per phrasing.
      let distinct = 0;
      for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++;
      const ids = new Int32Array(distinct);
      const tfs = new Int32Array(distinct);
      let k = -1;
      for (let i = 0; i < all.length; i++) {
        if (i === 0 || all[i] !== all[i - 1]) {
          ids[++k] = all[i]!;
          df[all[i]!]!++;
        }
        tfs[k]!++;
      }
      docIds.push(ids);
      docTfs.push(tfs);
      totalLen += all.length;
    }
    this.docIdStart = new Int32Array(n + 1);
    for (let doc = 0; doc < n; doc++) this.docIdStart[doc + 1] = this.docIdStart[doc]! + docIds[doc]!.length;
    this.docIds = new Int32Array(this.docIdStart[n]!);
    docIds.forEach((ids, doc) => this.docIds.set(ids, this.docIdStart[doc]!));
    const avgLen = n > 0 ? totalLen / n || 1 : 1;
    const tokens = [...this.vocab.keys()];
    this.idf = backgroundIdf(df, n, tokens, background);
    this.maxIdf = idfOf(0, n + (background?.docs ?? 0));
    if (carry) this.maxIdf = carry.phrasing(tokens, this.idf, this.maxIdf);
    this.commonDf = Math.max(COMMON_POSTINGS, n * COMMON_SHARE);
    // Postings as one flat array grouped by token (CSR layout): no per-query allocation, cache friendly.
    const start = new Int32Array(df.length + 1);
    for (let id = 0; id < df.length; id++) start[id + 1] = start[id]! + df[id]!;
    this.postStart = start;
    const fill = start.slice(0, df.length);
    this.postDoc = new Int32Array(start[df.length]!);
    this.postWeight = new Float64Array(start[df.length]!);
    this.docNorm = new Float64Array(n);
    for (let doc = 0; doc < n; doc++) {
      const ids = docIds[doc]!;
      const tfs = docTfs[doc]!;
      let len = 0;
      for (const f of tfs) len += f;
      let norm = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const f = tfs[i]!;
        const at = fill[id]!++;
        this.postDoc[at] = doc;
        this.postWeight[at] = (this.idf[id]! * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / avgLen));
        norm += this.idf[id]! ** 2;
      }
      this.docNorm[doc] = Math.sqrt(norm);
    }
    this.bm25 = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.stamp = new Int32Array(n);
  }

  /** The index as plain data (shared, not copied); `fromData` turns it back into an index, e.g. after a worker posted it. */
  toData(): PhraseIndexData {
    const { docEntry, docIds, docIdStart, docNorm, docCodes, docCodeStart, idf, vocab, maxIdf, postStart, postDoc, postWeight, commonDf } = this;
    return { docEntry, docIds, docIdStart, docNorm, docCodes, docCodeStart, idf, vocab, maxIdf, postStart, postDoc, postWeight, commonDf };
  }

  /** An index over `data` from `toData`, with fresh scratch space; nothing is recomputed. */
  static fromData(data: PhraseIndexData): PhraseIndex {
    const n = data.docEntry.length;
    const index = Object.create(PhraseIndex.prototype) as PhraseIndex;
    return Object.assign(index, data, { bm25: new Float64Array(n), touched: new Int32Array(n), stamp: new Int32Array(n), epoch: 0 });
  }

  /** Token ids of `tokens` (-1 for unknown), duplicates removed. */
  ids(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    let count = 0;
    outer: for (const t of tokens) {
      const id = this.vocab.get(t) ?? -1;
      if (id >= 0) for (let i = 0; i < count; i++) if (out[i] === id) continue outer;
      out[count++] = id;
    }
    return out.subarray(0, count);
  }

  /**
   * BM25 of every phrasing that shares a not-too-common token with the query; when every known query token is
   * common, of every phrasing that shares any (a question of common words alone still gets candidates).
   */
  search(queryIds: Int32Array): SearchHits {
    this.epoch++;
    let count = 0;
    let queryNorm = 0;
    for (const id of queryIds) {
      const idf = id < 0 ? this.maxIdf : this.idf[id]!;
      queryNorm += idf * idf;
      if (id >= 0 && this.postStart[id + 1]! - this.postStart[id]! <= this.commonDf) count = this.walk(id, count);
    }
    if (count === 0) for (const id of queryIds) if (id >= 0) count = this.walk(id, count);
    return { docs: this.touched, count, bm25: this.bm25, queryNorm: Math.sqrt(queryNorm) };
  }

  /** Adds token `id`'s postings to the current search; returns the new count of touched phrasings. */
  private walk(id: number, count: number): number {
    const end = this.postStart[id + 1]!;
    for (let at = this.postStart[id]!; at < end; at++) {
      const doc = this.postDoc[at]!;
      if (this.stamp[doc] !== this.epoch) {
        this.stamp[doc] = this.epoch;
        this.bm25[doc] = 0;
        this.touched[count++] = doc;
      }
      this.bm25[doc]! += this.postWeight[at]!;
    }
    return count;
  }

  /**
   * Sum of squared idf of the query tokens phrasing `doc` shares (cosine numerator), in query order. One path for
   * every token, walked or common: a path taken only at large sizes would meet the optimised code without type
   * feedback and throw it away on the first large knowledge base.
   */
  sharedMass(queryIds: Int32Array, doc: number): number {
    const from = this.docIdStart[doc]!;
    const to = this.docIdStart[doc + 1]!;
    let dot = 0;
    for (const id of queryIds) {
      if (id < 0 || findId(this.docIds, id, from, to) < 0) continue;
      const idf = this.idf[id]!;
      dot += idf * idf;
    }
    return dot;
  }

  /** Sorted distinct token ids of phrasing `doc` (a view, no copy). */
  tokenIdsOf(doc: number): Int32Array {
    return this.docIds.subarray(this.docIdStart[doc]!, this.docIdStart[doc + 1]!);
  }

  /** Character-pair similarity (Dice) of the query's codes with phrasing `doc`. */
  charSimilarity(queryCodes: Int32Array, doc: number): number {
    return dice(queryCodes, this.docCodes, this.docCodeStart[doc]!, this.docCodeStart[doc + 1]!);
  }
}
