/**
 * A jieba dictionary held compactly: the words' UTF-8 bytes in byte order with their frequencies, in typed arrays
 * (about 8 MB for the default dictionary, against about 35 MB for a native jieba instance). It answers the two
 * questions jieba's cut asks of its dictionary: which words start at a given place of a text, and is a string a word.
 */

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
 * Reads jieba's dictionary format: one `word [freq [tag]]` a line, a missing frequency counting as 0, a repeated word
 * keeping its last frequency (as jieba's `load_dict` does).
 */
export function parseWordList(bytes: Uint8Array): WordList {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF) lines++;
  const start = new Uint32Array(lines + 1);
  const length = new Uint8Array(lines + 1);
  const freq = new Uint32Array(lines + 1);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    while (i < bytes.length && isBlank(bytes[i]!)) i++;
    const s = i;
    while (i < bytes.length && !isBlank(bytes[i]!) && bytes[i] !== LF) i++;
    const e = i;
    if (e > s) {
      if (e - s > 255) throw new Error(`jieba dictionary: word of ${e - s} bytes at byte ${s}`);
      while (i < bytes.length && isBlank(bytes[i]!)) i++;
      let f = 0;
      let digits = 0;
      while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
        f = f * 10 + (bytes[i]! - 0x30);
        i++;
        digits++;
      }
      if (digits === 0 && i < bytes.length && bytes[i] !== LF) throw new Error(`jieba dictionary: frequency is not a number at byte ${i}`);
      if (f > 0xffffffff) throw new Error(`jieba dictionary: frequency ${f} out of range at byte ${s}`);
      start[n] = s;
      length[n] = e - s;
      freq[n] = f;
      n++;
    }
    while (i < bytes.length && bytes[i] !== LF) i++;
    i++;
  }
  return indexWords(...compact(bytes, start.subarray(0, n), length.subarray(0, n)), freq.slice(0, n));
}

/** The words alone, without the frequencies and tags between them (5 MB of text → 2.6 MB of words). */
function compact(text: Uint8Array, start: Uint32Array, length: Uint8Array): [Uint8Array, Uint32Array, Uint8Array] {
  let size = 0;
  for (let k = 0; k < length.length; k++) size += length[k]!;
  const bytes = new Uint8Array(size);
  const at = new Uint32Array(start.length);
  for (let k = 0, to = 0; k < start.length; k++) {
    bytes.set(text.subarray(start[k]!, start[k]! + length[k]!), to);
    at[k] = to;
    to += length[k]!;
  }
  return [bytes, at, length.slice()];
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
  const byFirst = new Uint32Array(0x10001);
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
