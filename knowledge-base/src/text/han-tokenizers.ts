/** The interchangeable ways of cutting a run of Chinese characters into tokens (see MatcherOptions.tokenizer). */
import { Jieba } from '@node-rs/jieba';
import type { TokenizerName } from '../types.ts';
import { readJiebaDict } from './jieba-dict.ts';

/** Cuts one run of Han characters (no spaces, no Latin) into tokens. */
export type HanTokenizer = (run: string) => string[];

let baseJieba: Jieba | undefined;
/** The last knowledge base's jieba: a reload with the same keywords and synonyms reuses it (it is never changed after loading). */
let lastUserJieba: { key: string; jieba: Jieba } | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Overlapping character pairs; a one-character run is its own token. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function jiebaFor(userWords: readonly string[]): Jieba {
  // Loading the default dictionary costs ~0.2 s and ~40 MB: share it unless this knowledge base brings words of its own.
  if (userWords.length === 0) return (baseJieba ??= Jieba.withDict(readJiebaDict()));
  const key = userWords.join('\n');
  if (lastUserJieba?.key === key) return lastUserJieba.jieba;
  const jieba = Jieba.withDict(readJiebaDict());
  jieba.loadDict(Buffer.from(userWords.map((w) => `${w} 100000`).join('\n')));
  lastUserJieba = { key, jieba };
  return jieba;
}

/** jieba without HMM and without user words: an unknown slip ("热限") comes out as single characters. */
export function dictionaryCut(run: string): string[] {
  return jiebaFor([]).cut(run, false);
}

/** Builds the named tokenizer; `userWords` (keywords, synonyms) teach jieba the knowledge base's own vocabulary. */
export function createHanTokenizer(name: TokenizerName, userWords: readonly string[] = []): HanTokenizer {
  switch (name) {
    case 'bigram':
      return bigrams;
    case 'segmenter': {
      const seg = (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
      return (run) => Array.from(seg.segment(run), (s) => s.segment);
    }
    case 'jieba': {
      const jieba = jiebaFor(userWords);
      return (run) => jieba.cutForSearch(run, true);
    }
    case 'combined': {
      // Words carry meaning; single characters still match when the visitor's wording splits differently
      // (measured on the development split: +9 points top-1 in Chinese over words alone).
      const jieba = jiebaFor(userWords);
      return (run) => {
        const out = jieba.cut(run, true);
        for (const c of run) if (!out.includes(c)) out.push(c);
        return out;
      };
    }
  }
}
