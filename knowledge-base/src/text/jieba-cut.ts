/**
 * jieba's `cut` (jieba-rs, as @node-rs/jieba runs it) over a compact dictionary, so that a process holds one copy of
 * the word list (~8 MB) instead of a native instance per vocabulary (~35 MB each).
 *
 * The result is the native one, word for word: the dictionary graph, the best route and the assembly are the same
 * steps, and the two things this file does not redo itself are left to the addon. Unknown runs of single characters go
 * to its HMM (an instance with no words, whose HMM is built in). And where two routes score within rounding of each
 * other, the run is cut by a native instance holding only that run's words and the same total frequency: JavaScript's
 * logarithm can differ from the C library's in the last bit, which may decide a tie, so a near tie is never decided
 * here.
 */
import type { Jieba } from '@node-rs/jieba';
import { jiebaAddon } from './jieba-dict.ts';
import { findWord, wordsStartingAt, type WordList } from './jieba-word-list.ts';

/** jieba's dictionary as one cut sees it: the base list, with the knowledge base's words on top (their frequency wins). */
export interface JiebaCutter {
  /** `hmm`: let the HMM cut runs of characters the dictionary does not know (jieba's `cut(text, hmm)`). */
  cut(text: string, hmm: boolean): string[];
  /** How many runs were cut natively because two routes tied within rounding (for tests and measurement). */
  readonly exactFallbacks: number;
}

/** The CJK ranges of jieba-rs's Han blocks. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2ebef) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

const isAsciiAlnum = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
/** `+ # & . _ % -` */
const HAN_BLOCK_EXTRA = new Set([0x2b, 0x23, 0x26, 0x2e, 0x5f, 0x25, 0x2d]);
const inHanBlock = (cp: number): boolean => isCjk(cp) || isAsciiAlnum(cp) || HAN_BLOCK_EXTRA.has(cp);

/** The filler word that carries the rest of the total frequency in a fallback instance: never part of a Han block. */
const FILLER = '\u0001';

const LONE_SURROGATE = /\p{Cs}/gu;

let hmmOnly: Jieba | undefined;

/** The addon's HMM on a run no dictionary word covers: an instance without words sends every such run to it. */
function hmmCut(run: string): string[] {
  return (hmmOnly ??= new (jiebaAddon().Jieba)()).cut(run, true);
}

/** Words in byte order for `cut`: `user` words replace equal `base` words, and `total` counts each word once. */
export function createJiebaCutter(base: WordList, user?: WordList): JiebaCutter {
  const extra = user && user.start.length > 0 ? user : undefined;
  let total = base.total;
  if (extra) {
    total += extra.total;
    for (let k = 0; k < extra.start.length; k++) {
      const at = findWord(base, extra.bytes, extra.start[k]!, extra.start[k]! + extra.length[k]!);
      if (at >= 0) total -= base.freq[at]!;
    }
  }
  const logTotal = Math.log(total);
  const log1 = 0 - logTotal;
  let fallbacks = 0;

  const isWord = (bytes: Uint8Array, from: number, to: number): boolean =>
    (extra !== undefined && findWord(extra, bytes, from, to) >= 0) || findWord(base, bytes, from, to) >= 0;

  /** One Han block: the route through the word graph, then jieba's assembly of it. */
  function cutBlock(block: string, hmm: boolean, out: string[]): void {
    const bytes = Buffer.from(block, 'utf8');
    // Per character: its byte offset and its UTF-16 offset; one more entry for the end.
    const cps = Array.from(block);
    const n = cps.length;
    const byteAt = new Int32Array(n + 1);
    const unitAt = new Int32Array(n + 1);
    const charAtByte = new Int32Array(bytes.length + 1).fill(-1);
    for (let c = 0, b = 0, u = 0; c <= n; c++) {
      byteAt[c] = b;
      unitAt[c] = u;
      charAtByte[b] = c;
      if (c < n) {
        const cp = cps[c]!.codePointAt(0)!;
        b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        u += cps[c]!.length;
      }
    }
    // Edges of the word graph, shortest first: those from character c are [first[c], first[c + 1]) of ends (a
    // character index) and freqs.
    const first = new Int32Array(n + 1);
    const ends: number[] = [];
    const freqs: number[] = [];
    const userEnds: number[] = [];
    const userFreqs: number[] = [];
    for (let c = 0; c < n; c++) {
      first[c] = ends.length;
      wordsStartingAt(base, bytes, byteAt[c]!, ends, freqs);
      if (extra) {
        userEnds.length = 0;
        userFreqs.length = 0;
        wordsStartingAt(extra, bytes, byteAt[c]!, userEnds, userFreqs);
        for (let u = 0; u < userEnds.length; u++) {
          // A knowledge-base word replaces the same word of the base list, or joins the edges in order of its end.
          let at = first[c]!;
          while (at < ends.length && ends[at]! < userEnds[u]!) at++;
          if (at < ends.length && ends[at] === userEnds[u]) freqs[at] = userFreqs[u]!;
          else {
            ends.splice(at, 0, userEnds[u]!);
            freqs.splice(at, 0, userFreqs[u]!);
          }
        }
      }
      for (let e = first[c]!; e < ends.length; e++) ends[e] = charAtByte[ends[e]!]!;
    }
    first[n] = ends.length;

    const score = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    for (let c = n - 1; c >= 0; c--) {
      const from = first[c]!;
      const to = first[c + 1]!;
      if (from === to) {
        score[c] = log1 + score[c + 1]!;
        next[c] = c + 1;
        continue;
      }
      let best = 0;
      let bestEnd = -1;
      for (let e = from; e < to; e++) {
        const s = Math.log(freqs[e]!) - logTotal + score[ends[e]!]!;
        // jieba keeps the later of equal routes (the longer word).
        if (bestEnd < 0 || !(best > s)) {
          best = s;
          bestEnd = ends[e]!;
        }
      }
      const tolerance = 1e-9 * Math.max(1, Math.abs(best));
      let tied = !Number.isFinite(best);
      for (let e = from; e < to && !tied; e++) {
        if (ends[e] === bestEnd) continue;
        const s = Math.log(freqs[e]!) - logTotal + score[ends[e]!]!;
        if (!(Math.abs(best - s) > tolerance)) tied = true;
      }
      if (tied) {
        fallbacks++;
        out.push(...exactCut(block, hmm, unitAt, first, ends, freqs));
        return;
      }
      score[c] = best;
      next[c] = bestEnd;
    }

    const slice = (from: number, to: number): string => block.slice(unitAt[from]!, unitAt[to]!);
    if (!hmm) {
      let left = -1;
      for (let x = 0; x < n; ) {
        const y = next[x]!;
        if (y - x === 1 && isAsciiAlnum(cps[x]!.codePointAt(0)!)) {
          if (left < 0) left = x;
        } else {
          if (left >= 0) out.push(slice(left, x));
          left = -1;
          out.push(slice(x, y));
        }
        x = y;
      }
      if (left >= 0) out.push(slice(left, n));
      return;
    }
    const flush = (from: number, to: number): void => {
      if (to - from === 1) out.push(slice(from, to));
      else if (!isWord(bytes, byteAt[from]!, byteAt[to]!)) out.push(...hmmCut(slice(from, to)));
      else for (let c = from; c < to; c++) out.push(cps[c]!);
    };
    let left = -1;
    for (let x = 0; x < n; ) {
      const y = next[x]!;
      if (y - x === 1) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) flush(left, x);
        left = -1;
        out.push(slice(x, y));
      }
      x = y;
    }
    if (left >= 0) flush(left, n);
  }

  /** The block cut by a native instance that knows only its words, with the same total: the exact native answer. */
  function exactCut(block: string, hmm: boolean, unitAt: Int32Array, first: Int32Array, ends: number[], freqs: number[]): string[] {
    const words = new Map<string, number>();
    for (let c = 0; c + 1 < first.length; c++) {
      for (let e = first[c]!; e < first[c + 1]!; e++) words.set(block.slice(unitAt[c]!, unitAt[ends[e]!]!), freqs[e]!);
    }
    let rest = total;
    for (const f of words.values()) rest -= f;
    const lines = [...words].map(([w, f]) => `${w} ${f}`);
    lines.push(`${FILLER} ${rest}`);
    return jiebaAddon().Jieba.withDict(Buffer.from(lines.join('\n'))).cut(block, hmm);
  }

  return {
    cut(text: string, hmm: boolean): string[] {
      const out: string[] = [];
      // The addon receives text as UTF-8, where a lone surrogate becomes U+FFFD.
      const cps = Array.from(text.replace(LONE_SURROGATE, '\uFFFD'));
      let i = 0;
      while (i < cps.length) {
        const han = inHanBlock(cps[i]!.codePointAt(0)!);
        let j = i + 1;
        while (j < cps.length && inHanBlock(cps[j]!.codePointAt(0)!) === han) j++;
        if (han) cutBlock(cps.slice(i, j).join(''), hmm, out);
        else {
          for (let k = i; k < j; k++) {
            // A \r\n pair is one token.
            if (cps[k] === '\r' && cps[k + 1] === '\n' && k + 1 < j) {
              out.push('\r\n');
              k++;
            } else out.push(cps[k]!);
          }
        }
        i = j;
      }
      return out;
    },
    get exactFallbacks() {
      return fallbacks;
    },
  };
}
