/** Every way a knowledge base words its questions, and the languages it is written in. */
import type { Lang } from '@kefu/shared';
import { detectLang } from '../text/detect-lang.ts';
import type { Entry, KnowledgeBase } from '../types.ts';

/** A language counts as one the knowledge base is written in when at least this share of its phrasings is in it. */
const LANG_SHARE = 0.2;

/** Question and alternates of one entry, Chinese and English. */
export const entryPhrasings = (e: Entry): string[] => [e.question, ...e.alternates, ...(e.en ? [e.en.question, ...e.en.alternates] : [])];

/** Questions and alternates of every entry, Chinese and English. */
export const phrasingsOf = (kb: KnowledgeBase): string[] => kb.entries.flatMap(entryPhrasings);

/** The languages of `phrasings` that hold at least a fifth of them. */
export function languagesOf(phrasings: readonly string[]): Set<Lang> {
  const langs = phrasings.map((p) => detectLang(p));
  return new Set((['zh-CN', 'en'] as const).filter((lang) => langs.filter((l) => l === lang).length >= LANG_SHARE * phrasings.length));
}
