/**
 * A jieba dictionary held compactly: the words' UTF-8 bytes in byte order with their frequencies, in typed arrays
 * (about 6 MB for the default dictionary, against about 35 MB for a native jieba instance). It answers the two
 * questions jieba's cut asks of its dictionary: which words start at a given place of a text, and is a string a word.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Words of one list in byte order: word `i` is `bytes[start[i] .. start[i] + length[i]]`. */
export interface WordList {
  readonly bytes: Uint8Array;
  readonly start: Uint32Array;
  readonly length: Uint8Array;
  readonly freq: Uint32Array;
  /** For a word's first code point below U+10000: the range of words starting with it is [byFirst[cp], byFirst[cp + 1]). */
  readonly byFirst: Uint32Array;
  /** Sum of all frequencies (jieba's `total`). */
  readonly total: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const isBlank = (b: number): boolean => b === SPACE || b === TAB || b === CR;

function compareWords(bytes: Uint8Array, s1: number, l1: number, s2: number, l2: number): number {
  const n = Math.min(l1, l2);
  for (let k = 0; k < n; k++) {
    const d = bytes[s1 + k]! - bytes[s2 + k]!;
    if (d !== 0) return d;
  }
  return l1 - l2;
}

/** First code point of the UTF-8 sequence at `i` (the dictionary and texts are valid UTF-8). */
function codePointAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return b0;
  if (b0 < 0xe0) return ((b0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (b0 < 0xf0) return ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return ((b0 & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
}

/**
 * Calls `onWord(wordStart, wordEnd, freq)` for each line of jieba's dictionary format in `bytes[from .. to]` (whole
 * lines): `word [freq [tag]]`, a missing frequency counting as 0, as jieba's `load_dict` reads it.
 */
function scanLines(bytes: Uint8Array, from: number, to: number, onWord: (s: number, e: number, freq: number) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && isBlank(bytes[i]!)) i++;
    const s = i;
    while (i < to && !isBlank(bytes[i]!) && bytes[i] !== LF) i++;
    const e = i;
    if (e > s) {
      if (e - s > 255) throw new Error(`jieba dictionary: a word of ${e - s} bytes`);
      while (i < to && isBlank(bytes[i]!)) i++;
      let f = 0;
      const digitsFrom = i;
      while (i < to && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) f = f * 10 + (bytes[i++]! - 0x30);
      if (i < to && bytes[i] !== LF && !isBlank(bytes[i]!)) throw new Error(`jieba dictionary: the frequency of "${Buffer.from(bytes.subarray(s, e)).toString()}" is not a number`);
      if (i === digitsFrom) f = 0;
      if (f > 0xffffffff) throw new Error(`jieba dictionary: the frequency of "${Buffer.from(bytes.subarray(s, e)).toString()}" is out of range`);
      onWord(s, e, f);
    }
    while (i < to && bytes[i] !== LF) i++;
    i++;
  }
}

/** Reads a dictionary held in memory (a repeated word keeps its last frequency, as in jieba). */
export function parseWordList(text: Uint8Array): WordList {
  let n = 0;
  let size = 0;
  scanLines(text, 0, text.length, (s, e) => {
    n++;
    size += e - s;
  });
  const filler = new WordFiller(n, size);
  scanLines(text, 0, text.length, (s, e, f) => filler.add(text, s, e, f));
  return filler.done();
}

/**
 * Reads a dictionary file in 1 MB pieces, twice (counting, then filling arrays of the exact size), so that loading
 * leaves no copy of the 5 MB file behind for the collector.
 */
export function readWordList(path: string): WordList {
  let n = 0;
  let size = 0;
  eachPiece(path, (piece, to) =>
    scanLines(piece, 0, to, (s, e) => {
      n++;
      size += e - s;
    }),
  );
  const filler = new WordFiller(n, size);
  eachPiece(path, (piece, to) => scanLines(piece, 0, to, (s, e, f) => filler.add(piece, s, e, f)));
  return filler.done();
}

/** Calls `use(piece, end)` with whole lines only: a line cut at the end of a read is carried to the next. */
function eachPiece(path: string, use: (piece: Uint8Array, end: number) => void): void {
  const piece = Buffer.allocUnsafeSlow(1 << 20);
  const fd = openSync(path, 'r');
  try {
    let kept = 0;
    for (;;) {
      const read = readSync(fd, piece, kept, piece.length - kept, null);
      const filled = kept + read;
      if (read === 0) {
        if (filled > 0) use(piece, filled);
        return;
      }
      const lastLf = piece.lastIndexOf(LF, filled - 1);
      if (lastLf < 0) {
        if (filled === piece.length) throw new Error(`jieba dictionary: a line longer than ${piece.length} bytes in ${path}`);
        kept = filled;
        continue;
      }
      use(piece, lastLf + 1);
      piece.copy(piece, 0, lastLf + 1, filled);
      kept = filled - (lastLf + 1);
    }
  } finally {
    closeSync(fd);
  }
}

/** Collects words into arrays of a size known in advance. */
class WordFiller {
  private readonly bytes: Uint8Array;
  private readonly start: Uint32Array;
  private readonly length: Uint8Array;
  private readonly freq: Uint32Array;
  private n = 0;
  private at = 0;

  // In shared memory: the server's two threads hold one copy of the default list (`shareJiebaWords`).
  constructor(words: number, size: number) {
    this.bytes = new Uint8Array(new SharedArrayBuffer(size));
    this.start = new Uint32Array(new SharedArrayBuffer(4 * words));
    this.length = new Uint8Array(new SharedArrayBuffer(words));
    this.freq = new Uint32Array(new SharedArrayBuffer(4 * words));
  }

  add(text: Uint8Array, s: number, e: number, f: number): void {
    this.bytes.set(text.subarray(s, e), this.at);
    this.start[this.n] = this.at;
    this.length[this.n] = e - s;
    this.freq[this.n] = f;
    this.at += e - s;
    this.n++;
  }

  done(): WordList {
    return indexWords(this.bytes, this.start, this.length, this.freq);
  }
}

/** A list of words all with the same frequency (a knowledge base's own vocabulary). */
export function wordListOf(words: Iterable<string>, frequency: number): WordList {
  const encoded = [...words].map((w) => Buffer.from(w, 'utf8')).filter((b) => b.length > 0 && b.length <= 255);
  const bytes = Buffer.concat(encoded);
  const start = new Uint32Array(encoded.length);
  const length = new Uint8Array(encoded.length);
  let at = 0;
  encoded.forEach((b, k) => {
    start[k] = at;
    length[k] = b.length;
    at += b.length;
  });
  return indexWords(bytes, start, length, new Uint32Array(encoded.length).fill(frequency));
}

/** Sorts (only when the input is not already in byte order), keeps the last of equal words, and builds `byFirst`. */
function indexWords(bytes: Uint8Array, start: Uint32Array, length: Uint8Array, freq: Uint32Array): WordList {
  const n = start.length;
  let ordered = true;
  for (let k = 1; k < n && ordered; k++) ordered = compareWords(bytes, start[k - 1]!, length[k - 1]!, start[k]!, length[k]!) < 0;
  if (!ordered) {
    const order = Array.from({ length: n }, (_, k) => k);
    // Stable: equal words stay in input order, so the last one read is last.
    order.sort((a, b) => compareWords(bytes, start[a]!, length[a]!, start[b]!, length[b]!));
    const keep = order.filter((k, pos) => pos + 1 === n || compareWords(bytes, start[k]!, length[k]!, start[order[pos + 1]!]!, length[order[pos + 1]!]!) !== 0);
    start = Uint32Array.from(keep, (k) => start[k]!);
    length = Uint8Array.from(keep, (k) => length[k]!);
    freq = Uint32Array.from(keep, (k) => freq[k]!);
  }
  const byFirst = new Uint32Array(new SharedArrayBuffer(4 * 0x10001));
  let total = 0;
  let k = 0;
  for (let cp = 0; cp <= 0x10000; cp++) {
    while (k < start.length && codePointAt(bytes, start[k]!) < cp) k++;
    byFirst[cp] = k;
  }
  for (let j = 0; j < freq.length; j++) total += freq[j]!;
  return { bytes, start, length, freq, byFirst, total };
}

/** First index in [lo, hi) whose byte at `depth` is >= `b` (a word ending before `depth` counts as below every byte). */
function lowerBound(list: WordList, lo: number, hi: number, depth: number, b: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const byte = list.length[mid]! > depth ? list.bytes[list.start[mid]! + depth]! : -1;
    if (byte < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Appends to `ends` and `freqs` the end byte and frequency of every word of `list` that `text` has at byte `at`
 * (shortest first), as jieba's prefix search of its trie finds them.
 */
export function wordsStartingAt(list: WordList, text: Uint8Array, at: number, ends: number[], freqs: number[]): void {
  let lo = 0;
  let hi = list.start.length;
  let depth = 0;
  const cp = codePointAt(text, at);
  if (cp < 0x10000) {
    lo = list.byFirst[cp]!;
    hi = list.byFirst[cp + 1]!;
    depth = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    if (lo < hi && list.length[lo] === depth) {
      ends.push(at + depth);
      freqs.push(list.freq[lo]!);
    }
  }
  while (lo < hi && at + depth < text.length) {
    const b = text[at + depth]!;
    lo = lowerBound(list, lo, hi, depth, b);
    hi = lowerBound(list, lo, hi, depth, b + 1);
    depth++;
    if (lo < hi && list.length[lo] === depth) {
      ends.push(at + depth);
      freqs.push(list.freq[lo]!);
    }
  }
}

/** Index of the word equal to `text[from .. to]`, or -1. */
export function findWord(list: WordList, text: Uint8Array, from: number, to: number): number {
  let lo = 0;
  let hi = list.start.length;
  for (let depth = 0; depth < to - from && lo < hi; depth++) {
    const b = text[from + depth]!;
    lo = lowerBound(list, lo, hi, depth, b);
    hi = lowerBound(list, lo, hi, depth, b + 1);
  }
  return lo < hi && list.length[lo] === to - from ? lo : -1;
}
