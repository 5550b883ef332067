/**
 * 历史 / History (every agent): closed conversations found by visitor (name, email, user id), words said
 * in them, the days they closed and the agent who had them, newest first, more on demand; one opens
 * read-only beside the list (or under it on a narrow screen). `#/history/<id>` opens one directly (the
 * handoff card's earlier conversations and 上一次会话 link here).
 */
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_EXPORT_MAX, type HistoryEntry, type TransferTarget } from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import type { MessageKey } from '../i18n/messages.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { dayStart, historyExportHref, searchHistory, type HistoryQuery } from './history-api.ts';
import { HistoryTranscript } from './history-transcript.tsx';
import { historyHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { useNow } from './use-now.ts';
import './history.css';

export interface HistoryPageProps {
  client: AgentClient | null;
  /** The conversation on screen (from `#/history/<id>`). */
  openId?: string | undefined;
  /** Supervisors and admins may download what the search finds as CSV. */
  canExport?: boolean;
}

interface Form {
  visitor: string;
  text: string;
  from: string;
  to: string;
  agent: string;
}

const EMPTY: Form = { visitor: '', text: '', from: '', to: '', agent: '' };

function toQuery(form: Form): HistoryQuery {
  return {
    visitor: form.visitor.trim(),
    text: form.text.trim(),
    from: dayStart(form.from),
    // The whole last day: up to the start of the next one.
    to: dayStart(form.to, 1),
    agent: form.agent,
  };
}

function Stars({ rating }: { rating?: number | undefined }) {
  const { t } = useI18n();
  if (!rating) return <span class="muted">{t('historyNotRated')}</span>;
  return (
    <span class="history-rating" title={t('ratingValue', { score: rating })}>
      <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span>
      <span class="visually-hidden">{t('ratingValue', { score: rating })}</span>
    </span>
  );
}

export function HistoryPage({ client, openId, canExport = false }: HistoryPageProps) {
  const { lang, t } = useI18n();
  const now = useNow(60_000);
  const [form, setForm] = useState<Form>(EMPTY);
  const [rows, setRows] = useState<HistoryEntry[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [asked, setAsked] = useState<HistoryQuery>(toQuery(EMPTY));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [agents, setAgents] = useState<TransferTarget[]>([]);

  const run = async (query: HistoryQuery, more: boolean) => {
    setBusy(true);
    const res = await searchHistory(more ? { ...query, cursor: next } : query);
    setBusy(false);
    if (!res.ok) return setError(`error_${res.code === 'network' ? 'unavailable' : res.code}`);
    setError(null);
    setAsked(query);
    setRows(more ? [...(rows ?? []), ...res.data.conversations] : res.data.conversations);
    setNext(res.data.nextCursor);
  };

  useEffect(() => {
    void run(toQuery(EMPTY), false);
  }, []);
  useEffect(() => {
    void client?.listAgents().then((res) => res.ok && setAgents(res.data.agents));
  }, [client]);

  const field = (key: keyof Form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const open = (id: string) => {
    location.hash = historyHref(id);
  };

  return (
    <section class="page history-page" aria-labelledby="history-heading">
      <div class="page-head">
        <h2 id="history-heading">{t('historyTitle')}</h2>
        {canExport && (
          <a class="button-link" href={historyExportHref(asked, lang)} download title={t('historyExportHint', { max: HISTORY_EXPORT_MAX })}>
            {t('historyExport')}
          </a>
        )}
      </div>
      <form
        class="card inline-form history-form"
        role="search"
        aria-label={t('historySearch')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(toQuery(form), false);
        }}
      >
        <label class="field">
          <span>{t('historyVisitor')}</span>
          <input type="search" {...field('visitor')} placeholder={t('historyVisitorHint')} maxLength={128} />
        </label>
        <label class="field">
          <span>{t('historyText')}</span>
          <input type="search" {...field('text')} placeholder={t('historyTextHint')} maxLength={200} />
        </label>
        <label class="field history-date">
          <span>{t('historyFrom')}</span>
          <input type="date" {...field('from')} />
        </label>
        <label class="field history-date">
          <span>{t('historyTo')}</span>
          <input type="date" {...field('to')} />
        </label>
        <label class="field history-agent">
          <span>{t('historyAgent')}</span>
          <select value={form.agent} onChange={(e) => setForm({ ...form, agent: e.currentTarget.value })}>
            <option value="">{t('historyAnyAgent')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" aria-busy={busy}>
            {t('historySearchButton')}
          </button>
          <button
            type="button"
            class="ghost"
            onClick={() => {
              setForm(EMPTY);
              void run(toQuery(EMPTY), false);
            }}
          >
            {t('historyReset')}
          </button>
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div class={openId ? 'history-body with-transcript' : 'history-body'}>
        <section class="history-results" aria-labelledby="history-results-heading">
          <h3 id="history-results-heading" class="visually-hidden">
            {t('historyResults')}
          </h3>
          <p class="muted history-status" role="status">
            {rows === null ? t('loading') : rows.length === 0 ? t('historyEmpty') : t('historyCount', { count: rows.length })}
          </p>
          {rows && rows.length > 0 && (
            <ul class="history-list">
              {rows.map((row) => (
                <li key={row.id} class={row.id === openId ? 'history-item current' : 'history-item'} aria-current={row.id === openId ? 'true' : undefined}>
                  <div class="history-item-head">
                    <span class="history-visitor">{row.visitorName}</span>
                    <time class="muted" dateTime={new Date(row.closedAt).toISOString()}>
                      {formatTime(lang, row.closedAt, now, '24h')}
                    </time>
                  </div>
                  <p class="history-question">{row.firstQuestion ?? <span class="muted">{t('noPreview')}</span>}</p>
                  <div class="history-item-foot">
                    <span class="muted">{row.agentName ?? t('historyNoAgent')}</span>
                    <Stars rating={row.rating} />
                    <button type="button" class="small" onClick={() => open(row.id)} aria-label={t('historyOpenLabel', { name: row.visitorName })}>
                      {t('historyOpen')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {next && (
            <button type="button" class="small history-more" aria-busy={busy} onClick={() => void run(asked, true)}>
              {t('historyMore')}
            </button>
          )}
        </section>
        {openId && <HistoryTranscript client={client} conversationId={openId} onOpen={open} />}
      </div>
    </section>
  );
}
