/** The zh-CN | English switch; each option is written in its own language. */
import { useContext } from 'preact/hooks';
import { SetLangContext, useI18n } from './i18n-context.ts';

/** A labelled `<select>`; the choice is remembered by `App`. */
export function LangSelect() {
  const { lang, t } = useI18n();
  const setLang = useContext(SetLangContext);
  return (
    <label class="lang-select">
      <span class="visually-hidden">{t('language')}</span>
      <select value={lang} onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'zh-CN')}>
        <option value="zh-CN" lang="zh-CN">
          中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </label>
  );
}
