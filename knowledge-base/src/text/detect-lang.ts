/** Guesses whether a visitor wrote Chinese or English. */
import type { Lang } from '@kefu/shared';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]{2,}/gi;

/** 'en' when Latin words clearly outweigh Han characters; zh-CN otherwise (also for empty text, the default language). */
export function detectLang(text: string): Lang {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (words === 0) return 'zh-CN';
  // A Chinese sentence often carries a brand or product name ("App", "HelloWorld"): one Han char outweighs one word.
  return han >= words ? 'zh-CN' : 'en';
}
