/** Chooses the console language: the remembered choice, else the browser's, else zh-CN. */
import type { Lang } from '@kefu/shared';

/** localStorage key of the remembered language. */
export const LANG_STORAGE_KEY = 'kefu:console:lang';

/** `stored` wins when valid; otherwise the first browser language decides (zh* → zh-CN, anything else → en). */
export function pickLang(stored: string | null | undefined, browserLangs: readonly string[]): Lang {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const first = browserLangs[0];
  if (!first) return 'zh-CN';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Reads the remembered language; storage can throw (privacy modes), which counts as nothing stored. */
export function readStoredLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the language; a storage failure only means it is not remembered. */
export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* not remembered: the choice still applies to this page */
  }
}
