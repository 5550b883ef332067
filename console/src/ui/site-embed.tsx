/** The site's embed code in a read-only box, and a button that copies it. */
import { useState } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';
import { embedSnippet, serverBase } from './embed-snippet.ts';

export function SiteEmbed({ siteKey }: { siteKey: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const snippet = embedSnippet(siteKey, serverBase(location.href));
  const boxId = `embed-${siteKey}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // Without clipboard permission the code stays selected for Ctrl+C.
      (document.getElementById(boxId) as HTMLTextAreaElement | null)?.select();
    }
  };

  return (
    <div class="site-embed">
      <label class="field" for={boxId}>
        <span>{t('siteEmbedCode')}</span>
      </label>
      <textarea id={boxId} class="embed-code" readOnly rows={2} value={snippet} spellcheck={false} onFocus={(e) => e.currentTarget.select()} />
      <p class="muted">{t('siteEmbedHint')}</p>
      <div class="form-actions">
        <button type="button" class="small" onClick={() => void copy()}>
          {t('copyEmbedCode')}
        </button>
        <span role="status" class="muted">
          {copied ? t('copied') : ''}
        </span>
      </div>
    </div>
  );
}
