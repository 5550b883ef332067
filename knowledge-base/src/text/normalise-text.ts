/** Text clean-up shared by indexing and querying: full-width, traditional→simplified, case, punctuation, emoji, filler words. */
// Only the traditional→simplified tables: the package's index carries every locale's (1.2 MB of code instead of 0.1 MB).
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/** Traditional→simplified conversion, built on first use (keeps imports free of side effects). */
function simplify(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

const HAN = /\p{Script=Han}/u;
// Emoji, symbols and punctuation of every script become spaces; \p{M} keeps combining marks of Latin words intact.
const NOISE = /[\p{P}\p{S}\p{Extended_Pictographic}\p{Cf}\u200d\ufe0f]+/gu;
// Politeness and filler that never tells one FAQ question from another; longest first.
const ZH_FILLER = /(你好啊?|您好|哈喽|哈啰|嗨|请问一下|请问下|请问|想问一下|想问下|问一下|问下|麻烦你|麻烦您|麻烦|谢谢你|谢谢您|谢谢|多谢|感谢|劳驾|一下子|一下|在吗|在不在|亲爱的|客官)/g;
const ZH_TRAILING = /[吗呢吧啊呀哦嘛呗啦]+(?=\s|$)/g;

/** Lower-cased, simplified, punctuation-free text with single spaces; `full` false keeps only the minimal clean-up. */
export function normaliseText(text: string, full = true): string {
  if (!full) return text.toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  let out = text.normalize('NFKC').toLowerCase();
  if (HAN.test(out)) out = simplify(out).replace(ZH_FILLER, ' ');
  out = out.replace(NOISE, ' ');
  if (HAN.test(out)) out = out.replace(ZH_TRAILING, ' ');
  return out.replace(/\s+/g, ' ').trim();
}
