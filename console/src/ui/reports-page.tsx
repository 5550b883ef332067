/**
 * 报表 / Reports (supervisors and admins): the service over the last 7, 30 or 90 days, or from one date to another
 * (whole local days). How many chats the bot handled
 * alone and how long visitors queued for an agent; how the tickets created were served (first response, resolution, SLA clocks kept), then what visitors and customers said: chat and ticket ratings
 * apart, each as an average and a share satisfied with per-agent and per-department tables (tickets per tier too),
 * and the newest comments, each linked to its ticket or conversation.
 */
import { useEffect, useState } from 'preact/hooks';
import { TICKET_TIER_LABELS, type ChatReport, type Lang, type RatingAverage, type RatingGroups, type RatingSummary, type TicketReport } from '@kefu/shared';
import { formatDueAt } from '../format/format-due.ts';
import { formatShare } from '../format/format-share.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { ChatLevelsCard } from './chat-levels-card.tsx';
import { historyHref, ticketHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { ReportTable } from './report-parts.tsx';
import { reportsApi } from './reports-api.ts';
import { teamErrorKey } from './team-labels.ts';
import { TicketLevelsCard } from './ticket-levels-card.tsx';
import './reports-page.css';

const PERIODS: { days: number; label: MessageKey }[] = [
  { days: 7, label: 'rtLast7' },
  { days: 30, label: 'rtLast30' },
  { days: 90, label: 'rtLast90' },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const CUSTOM = 'custom';

/** What the report covers: the last `days` days up to now, or whole local days from one date to another (both included). */
type Period = { days: number } | { from: string; to: string };

/** A timestamp's local date as an `<input type="date">` value (yyyy-mm-dd). */
const localDate = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Local midnight starting the date `value` plus `days`. */
const midnight = (value: string, days = 0): number => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d! + days).getTime();
};
/** The epoch range to ask for; null when the dates are missing or the wrong way round. */
function periodRange(p: Period): { from: number; to?: number } | null {
  if ('days' in p) return { from: Date.now() - p.days * DAY_MS };
  if (!p.from || !p.to || p.from > p.to) return null;
  return { from: midnight(p.from), to: midnight(p.to, 1) };
}

/** One decimal: 4.5, 3.0. */
const oneDecimal = (n: number) => n.toFixed(1);
/** A 0..1 share as a whole percentage. */
const percent = (share: number) => formatShare(share, 1)!;

/** The average on a 1–5 scale as a number and a bar (the number carries it; the bar is for the eye). */
function Average({ value }: { value: number }) {
  return (
    <span class="rt-average">
      <meter min={1} max={5} low={3} high={4} optimum={5} value={value} aria-hidden="true" />
      {oneDecimal(value)}
    </span>
  );
}

interface Row extends RatingAverage {
  key: string;
  label: string;
}

/** A table of averages: who or what, how many ratings, the average, the share satisfied (in the card's grid, no scrolling of its own). */
function AverageTable({ caption, head, rows }: { caption: string; head: string; rows: Row[] }) {
  const { t } = useI18n();
  return (
    <ReportTable
      scroll={false}
      caption={caption}
      head={[head, t('rtCount'), t('rtAvg'), t('rtSatisfied')]}
      rows={rows.map((r) => ({ key: r.key, cells: [r.label, r.count, <Average value={r.average} />, percent(r.satisfied)] }))}
    />
  );
}

/** Best average first; equal averages by more ratings. */
const byAverage = (a: Row, b: Row) => b.average - a.average || b.count - a.count;

function agentRows(groups: RatingGroups, t: (key: MessageKey) => string): Row[] {
  return groups.byAgent.map((a) => ({ ...a, key: a.agentId ?? '', label: a.agentId === null ? t('rtNoAgent') : (a.name ?? a.agentId) })).sort(byAverage);
}

function departmentRows(groups: RatingGroups, lang: Lang, t: (key: MessageKey) => string): Row[] {
  return groups.byDepartment
    .map((d) => ({ ...d, key: d.department ?? '', label: d.department === null ? t('rtNoDepartment') : d.name ? (lang === 'en' ? d.name.en : d.name.zh) : d.department }))
    .sort(byAverage);
}

/** One kind of rating (chats or tickets): the overall average, then the tables. */
function GroupCard({ id, title, hint, groups, extra }: { id: string; title: string; hint: string; groups: RatingGroups; extra?: Row[] }) {
  const { t, lang } = useI18n();
  return (
    <section class="card rt-card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p class="muted">
        {hint}
        {lang === 'en' ? ' ' : ''}
        {t('rtSatisfiedHint')}
      </p>
      {groups.all.count === 0 ? (
        <p>{t('rtNone')}</p>
      ) : (
        <>
          <p class="rt-overall">{t('rtAverage', { average: oneDecimal(groups.all.average), satisfied: percent(groups.all.satisfied), count: groups.all.count })}</p>
          <div class="rt-tables">
            <AverageTable caption={t('rtByAgent')} head={t('rtAgent')} rows={agentRows(groups, t)} />
            <AverageTable caption={t('rtByDepartment')} head={t('rtDepartment')} rows={departmentRows(groups, lang, t)} />
            {extra && <AverageTable caption={t('rtByTier')} head={t('rtTier')} rows={extra} />}
          </div>
        </>
      )}
    </section>
  );
}

function Comments({ comments, now }: { comments: RatingSummary['comments']; now: number }) {
  const { t, lang } = useI18n();
  return (
    <section class="card rt-card" aria-labelledby="rt-comments">
      <h3 id="rt-comments">{t('rtComments')}</h3>
      {comments.length === 0 ? (
        <p class="muted">{t('rtNoComments')}</p>
      ) : (
        <ul class="rt-comments">
          {comments.map((c) => (
            <li key={`${c.kind}:${c.ref}`}>
              <p class="rt-comment-text">{c.comment}</p>
              <p class="rt-comment-meta muted">
                <span class={`rt-score rt-score-${c.score}`}>{t('rtScore', { score: c.score })}</span>
                {c.agentName && <span>{c.agentName}</span>}
                <a href={c.kind === 'ticket' ? ticketHref(c.ref) : historyHref(c.ref)}>{c.kind === 'ticket' ? t('rtCommentTicket', { number: c.ref }) : t('rtCommentChat')}</a>
                <time dateTime={new Date(c.at).toISOString()}>{formatDueAt(lang, c.at, now)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReportsPage() {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<Period>({ days: 30 });
  const [summary, setSummary] = useState<RatingSummary | null>(null);
  const [tickets, setTickets] = useState<TicketReport | null>(null);
  const [chats, setChats] = useState<ChatReport | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  useEffect(() => {
    let live = true;
    setSummary(null);
    setTickets(null);
    setChats(null);
    const range = periodRange(period);
    if (range === null) {
      setError('rtRangeInvalid');
      return;
    }
    setError(null);
    const { from, to } = range;
    void Promise.all([reportsApi.chats(from, to), reportsApi.tickets(from, to), reportsApi.ratings(from, to)]).then(([chatsRes, levels, ratings]) => {
      if (!live) return;
      const failed = [chatsRes, levels, ratings].find((r) => !r.ok);
      setError(failed ? teamErrorKey(failed) : null);
      if (chatsRes.ok) setChats(chatsRes.data);
      if (levels.ok) setTickets(levels.data);
      if (ratings.ok) setSummary(ratings.data);
    });
    return () => {
      live = false;
    };
  }, ['days' in period ? period.days : `${period.from}/${period.to}`]);

  const choose = (value: string): void => {
    if (value !== CUSTOM) return setPeriod({ days: Number(value) });
    // The same 30 days as local dates, to start from.
    const today = localDate(Date.now());
    setPeriod({ from: localDate(Date.now() - 29 * DAY_MS), to: today });
  };

  const tiers = summary?.tickets.byTier.map((r) => ({ ...r, key: r.tier, label: TICKET_TIER_LABELS[r.tier][lang] }));
  return (
    <section class="page rt-page" aria-labelledby="rt-heading">
      <div class="page-head">
        <h2 id="rt-heading">{t('rtTitle')}</h2>
        <div class="rt-period-controls">
          <label class="rt-period">
            <span>{t('rtPeriod')}</span>
            <select value={'days' in period ? String(period.days) : CUSTOM} onChange={(e) => choose(e.currentTarget.value)}>
              {PERIODS.map((p) => (
                <option key={p.days} value={String(p.days)}>
                  {t(p.label)}
                </option>
              ))}
              <option value={CUSTOM}>{t('rtCustom')}</option>
            </select>
          </label>
          {'from' in period && (
            <>
              <label class="rt-period">
                <span>{t('rtFrom')}</span>
                <input type="date" value={period.from} max={period.to || undefined} onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })} />
              </label>
              <label class="rt-period">
                <span>{t('rtTo')}</span>
                <input type="date" value={period.to} min={period.from || undefined} onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })} />
              </label>
            </>
          )}
        </div>
      </div>
      {error ? (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      ) : summary === null || tickets === null || chats === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <ChatLevelsCard report={chats} />
          <TicketLevelsCard report={tickets} />
          <GroupCard id="rt-chats" title={t('rtChats')} hint={t('rtChatsHint')} groups={summary.chats} />
          <GroupCard id="rt-tickets" title={t('rtTickets')} hint={t('rtTicketsHint')} groups={summary.tickets} extra={tiers} />
          <Comments comments={summary.comments} now={summary.to} />
        </>
      )}
    </section>
  );
}
