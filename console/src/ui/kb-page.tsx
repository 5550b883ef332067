/**
 * 知识库 / Knowledge base: 试一试 (type a question as a visitor would and see what the bot does with it: the answer,
 * "did you mean", a decline, a handoff, with each candidate's confidence against the bars), and every entry with its
 * answer, filterable. Content is edited in the knowledge-base files; this page shows how the bot understands it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { KbEntryView, KbTryResult, Lang } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { kbApi } from './kb-api.ts';
import './kb-page.css';

const READING_KEY: Record<KbTryResult['reading'], MessageKey> = {
  answer: 'kbReadAnswer',
  suggest: 'kbReadSuggest',
  decline: 'kbReadDecline',
  handoff: 'kbReadHandoff',
  small_talk: 'kbReadSmallTalk',
  complaint: 'kbReadComplaint',
};

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** An entry's own answer bar (given by a reload when, at the shared bar, the entry answered small talk). */
function OwnBar({ bar }: { bar: number }) {
  const { t } = useI18n();
  return (
    <span class="muted kb-own-bar" title={t('kbOwnBarWhy')}>
      {t('kbOwnBar', { bar: percent(bar) })}
    </span>
  );
}

/** What the bot would do, the answer it would give, and the candidates it weighed. */
function TryResult({ result }: { result: KbTryResult }) {
  const { t } = useI18n();
  const { thresholds } = result;
  return (
    <div class="kb-result">
      <p class={`kb-reading kb-reading-${result.reading}`}>{t(READING_KEY[result.reading], { question: result.entry?.question ?? '' })}</p>
      {result.entry && <p class="kb-answer">{result.entry.answer.replace(/\*\*/g, '')}</p>}
      {result.offTopic && (
        <p class="muted kb-off-topic">{t('kbOffTopic', { words: result.offTopic.words.join(' · '), factor: percent(result.offTopic.factor) })}</p>
      )}
      {result.candidates.length > 0 && (
        <table class="kb-candidates">
          <caption>{t('kbCandidates', { answer: percent(thresholds.answer), suggest: percent(thresholds.suggest) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kbEntry')}</th>
              <th scope="col">{t('kbConfidence')}</th>
            </tr>
          </thead>
          <tbody>
            {result.candidates.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.question} <span class="muted kb-id">{c.id}</span>
                  {c.bar !== undefined && <OwnBar bar={c.bar} />}
                </th>
                <td>
                  <span class="kb-score">
                    <meter min={0} max={1} low={thresholds.suggest} high={c.bar ?? thresholds.answer} optimum={1} value={c.score} aria-hidden="true" />
                    {percent(c.score)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function KbPage() {
  const { t, lang: uiLang } = useI18n();
  const [text, setText] = useState('');
  const [asLang, setAsLang] = useState<'' | Lang>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<KbTryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entries, setEntries] = useState<KbEntryView[] | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    void kbApi.entries(uiLang).then((res) => setEntries(res.ok ? res.data.entries : []));
  }, [uiLang]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    const res = await kbApi.tryQuestion({ text, ...(asLang ? { lang: asLang } : {}) });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setError(null);
    } else {
      setResult(null);
      // The server names what is wrong with the input; other refusals read as the console's usual messages.
      const key: MessageKey = res.code === 'network' ? 'networkError' : res.code === 'unavailable' ? 'kbNotLoaded' : res.code === 'unauthorized' ? 'error_unauthorized' : res.code === 'bad_request' ? 'error_bad_request' : 'error_internal';
      setError(res.code === 'bad_request' && res.message ? `${t(key)} ${res.message}` : t(key));
    }
  };

  const needle = filter.trim().toLowerCase();
  const shown = (entries ?? []).filter((e) => !needle || `${e.id}\n${e.question}\n${e.answer}`.toLowerCase().includes(needle));

  return (
    <section class="page kb-page" aria-labelledby="kb-heading">
      <div class="page-head">
        <h2 id="kb-heading">{t('kbTitle')}</h2>
      </div>
      <form class="card kb-try" aria-labelledby="kb-try-heading" onSubmit={(e) => void submit(e)}>
        <h3 id="kb-try-heading">{t('kbTryTitle')}</h3>
        <p class="muted">{t('kbTryHint')}</p>
        <div class="kb-try-row">
          <label class="kb-try-text">
            <span>{t('kbTryQuestion')}</span>
            <input type="text" value={text} maxLength={2000} placeholder={t('kbTryPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('kbTryLang')}</span>
            <select value={asLang} onChange={(e) => setAsLang(e.currentTarget.value as '' | Lang)}>
              <option value="">{t('kbLangAuto')}</option>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit" class="primary" disabled={!text.trim()} aria-busy={busy}>
            {t('kbTryButton')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {error && <p class="form-error">{error}</p>}
          {result && <TryResult result={result} />}
        </div>
      </form>
      <section class="card kb-entries" aria-labelledby="kb-entries-heading">
        <h3 id="kb-entries-heading">{entries ? t('kbEntriesCount', { count: entries.length }) : t('kbEntries')}</h3>
        <label class="kb-filter">
          <span>{t('kbFilter')}</span>
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        {entries === null ? (
          <p class="muted">{t('loading')}</p>
        ) : (
          <ul class="kb-entry-list">
            {shown.map((e) => (
              <li key={e.id}>
                <details>
                  <summary>
                    {e.question} <span class="muted kb-id">{e.id}</span>
                    {e.bar !== undefined && <OwnBar bar={e.bar} />}
                  </summary>
                  <p class="kb-answer">{e.answer.replace(/\*\*/g, '')}</p>
                </details>
              </li>
            ))}
          </ul>
        )}
        {entries !== null && shown.length === 0 && <p class="muted">{t('kbNoEntries')}</p>}
      </section>
    </section>
  );
}
