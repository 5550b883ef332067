/** Preact contexts carrying the current language, its translator and the language setter. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '@kefu/shared';
import { translator, type Translate } from '../i18n/translate.ts';

/** The language in use and its bound translator. */
export interface I18n {
  lang: Lang;
  t: Translate;
}

/** Provided by `App`; the default keeps components usable in isolation. */
export const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: translator('zh-CN') });

/** The current language and translator. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Set by `App`: how to change (and remember) the language. */
export const SetLangContext = createContext<(lang: Lang) => void>(() => undefined);
