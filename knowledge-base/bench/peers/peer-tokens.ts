/** The text analysis the peers share: jieba (or Intl.Segmenter) words for Chinese, stemmed words for English. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import natural from 'natural';

/** How a peer cuts Chinese runs into words. */
export type ChineseCutter = 'jieba' | 'segmenter';

const HAN_RUN = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;
const STOPWORDS = new Set(natural.stopwords);

let jieba: Jieba | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Lower-cased NFKC tokens of `text`: Chinese words, English stems without stop words. */
export function peerTokens(text: string, cutter: ChineseCutter = 'jieba'): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(HAN_RUN)) {
    const [, han, word] = match;
    if (han !== undefined) out.push(...cutChinese(han, cutter));
    else if (word !== undefined && !STOPWORDS.has(word)) out.push(natural.PorterStemmer.stem(word));
  }
  return out;
}

/** True when the text has at least one Han character (decides the language for nlp.js). */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

function cutChinese(run: string, cutter: ChineseCutter): string[] {
  if (cutter === 'segmenter') {
    // Created on first use: building it loads ICU data, which a module import should not do.
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(run, true);
}
