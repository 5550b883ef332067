/** Normalised text → index tokens: Chinese runs through the chosen Han tokenizer, other words stemmed. */
import { isStopWord, stem } from './english-words.ts';
import type { HanTokenizer } from './han-tokenizers.ts';

const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Cuts already-normalised text into tokens (duplicates kept, order kept); `fixWord` may correct a word before stemming. */
export function tokenize(text: string, han: HanTokenizer, fixWord?: (word: string) => string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RUNS)) {
    if (m[1] !== undefined) {
      for (const t of han(m[1])) out.push(t);
    } else if (m[2] !== undefined) {
      const word = fixWord ? fixWord(m[2]) : m[2];
      if (!isStopWord(word)) out.push(/^[a-z]+$/.test(word) ? stem(word) : word);
    }
  }
  return out;
}

/** The Latin-script words of normalised text, before stop-word removal and stemming. */
export function latinWords(text: string): string[] {
  return text.match(/[a-z]+/g) ?? [];
}
