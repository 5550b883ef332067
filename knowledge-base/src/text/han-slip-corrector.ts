/**
 * Guesses the knowledge base's own word behind a one-character slip in Chinese (热限 → 热线, 投拆 → 投诉, 公单 → 工单):
 * where the dictionary cut leaves two single characters side by side, a keyword or synonym that shares one of
 * them in the same place is the likely intent, when it is the only such word.
 */
import { dictionaryCut } from './han-tokenizers.ts';

/** Words probably meant by a run of Chinese characters (empty when nothing looks mistyped). */
export type HanSlipCorrector = (run: string) => string[];

const TWO_HAN = /^\p{Script=Han}{2}$/u;

/**
 * Builds the corrector from the knowledge base's declared vocabulary (keywords, synonyms); null when it has none.
 * `knownChars` are the characters the knowledge base's phrasings use: a slip is only suspected at a character the
 * knowledge base never uses, because a known one (了, 个, 好) is far more often meant as written.
 */
export function createHanSlipCorrector(domainWords: Iterable<string>, knownChars: Set<string>): HanSlipCorrector | null {
  const byFirst = new Map<string, string[]>();
  const bySecond = new Map<string, string[]>();
  const known = new Set<string>();
  for (const word of domainWords) {
    if (!TWO_HAN.test(word) || known.has(word)) continue;
    known.add(word);
    const [a, b] = [word[0]!, word[1]!];
    byFirst.set(a, [...(byFirst.get(a) ?? []), word]);
    bySecond.set(b, [...(bySecond.get(b) ?? []), word]);
  }
  if (known.size === 0) return null;
  return (run) => {
    if (run.length < 2) return [];
    const parts = dictionaryCut(run);
    const out: string[] = [];
    for (let i = 0; i + 1 < parts.length; i++) {
      const a = parts[i]!;
      const b = parts[i + 1]!;
      if (a.length !== 1 || b.length !== 1 || known.has(a + b)) continue;
      const candidates = new Set([...(knownChars.has(b) ? [] : (byFirst.get(a) ?? [])), ...(knownChars.has(a) ? [] : (bySecond.get(b) ?? []))]);
      if (candidates.size === 1) out.push(...candidates);
    }
    return out;
  };
}
