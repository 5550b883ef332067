/**
 * The status page as one HTML document: no script at all (the console's strict CSP holds), plain
 * forms that post back to /status, labelled fields, the outcome in a live region. The ticket's
 * number, email or token travel in hidden fields of the forms below the ticket, never in a URL.
 */
import { TICKET_STATUS_LABELS, TICKET_TIER_LABELS, type Lang, type PublicTicketStatus } from '@kefu/shared';
import { SCORE_WORDS, st } from './status-texts.ts';

export interface StatusPageModel {
  lang: Lang;
  /** The service's time zone: due times are shown as the team reads them. */
  timeZone: string;
  /** What the visitor typed (kept in the form), and a widget token when the page was opened with one. */
  number?: string;
  email?: string;
  token?: string;
  /** A refusal or a failed lookup (role=alert). */
  error?: string;
  /** What just happened (role=status). */
  notice?: string;
  ticket?: PublicTicketStatus;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function when(at: number, m: StatusPageModel): string {
  const text = new Intl.DateTimeFormat(m.lang, { timeZone: m.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `<time datetime="${new Date(at).toISOString()}">${esc(text)}</time>`;
}

/** The hidden fields that prove the pair again on the forms below the ticket. */
function credentials(m: StatusPageModel): string {
  const field = (name: string, value: string | undefined) => (value ? `<input type="hidden" name="${name}" value="${esc(value)}">` : '');
  return `${field('number', m.number)}${field('email', m.email)}${field('token', m.token)}<input type="hidden" name="lang" value="${m.lang}">`;
}

function lookupForm(m: StatusPageModel): string {
  const L = m.lang;
  return `<section class="card" aria-labelledby="lookup-heading">
<h2 id="lookup-heading">${st(L, 'lookupHeading')}</h2>
<p class="hint">${st(L, 'intro')}</p>
<form method="post" action="/status" class="lookup">
<input type="hidden" name="lang" value="${L}">
<div class="field"><label for="number">${st(L, 'number')}</label>
<input id="number" name="number" type="text" required inputmode="text" autocomplete="off" spellcheck="false" maxlength="20" placeholder="T20261130-0001" value="${esc(m.number ?? '')}"></div>
<div class="field"><label for="email">${st(L, 'email')}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${esc(m.email ?? '')}"></div>
<button type="submit">${st(L, 'lookup')}</button>
</form>
</section>`;
}

function ticketSection(m: StatusPageModel, status: PublicTicketStatus): string {
  const L = m.lang;
  const t = status.ticket;
  const owner = t.owner ?? (t.department ? `${L === 'en' ? t.department.en : t.department.zh}（${st(L, 'unassigned')}）` : st(L, 'unassigned'));
  const replies = status.replies
    .map(
      (r) => `<li><article class="reply ${r.author}" aria-label="${esc(r.author === 'agent' ? `${st(L, 'support')} ${r.name ?? ''}`.trim() : st(L, 'you'))}">
<p class="who"><strong>${esc(r.author === 'agent' ? (r.name ? `${r.name} · ${st(L, 'support')}` : st(L, 'support')) : st(L, 'you'))}</strong> ${when(r.createdAt, m)}</p>
<p class="text">${esc(r.text)}</p></article></li>`,
    )
    .join('\n');
  const addInfo =
    t.status === 'closed'
      ? `<p class="hint">${st(L, 'closedNote')}</p>`
      : `<form method="post" action="/status/reply" class="add-info">${credentials(m)}
<div class="field"><label for="info">${st(L, 'addInfo')}</label>
<textarea id="info" name="text" rows="4" required maxlength="2000" aria-describedby="info-hint"></textarea>
<p class="hint" id="info-hint">${st(L, 'addInfoHint')}</p></div>
<button type="submit">${st(L, 'send')}</button></form>`;
  return `<section class="card ticket" aria-labelledby="ticket-heading">
<h2 id="ticket-heading"><span class="number">${esc(t.number)}</span> ${esc(t.title)}</h2>
<dl class="facts">
<div><dt>${st(L, 'status')}</dt><dd><span class="badge status-${t.status}">${TICKET_STATUS_LABELS[t.status][L]}</span></dd></div>
<div><dt>${st(L, 'tier')}</dt><dd>${TICKET_TIER_LABELS[t.tier][L]}</dd></div>
<div><dt>${st(L, 'owner')}</dt><dd>${esc(owner)}</dd></div>
<div><dt>${st(L, 'nextDue')}</dt><dd>${t.nextDueAt !== undefined && t.status !== 'resolved' && t.status !== 'closed' ? when(t.nextDueAt, m) : st(L, 'noDue')}</dd></div>
<div><dt>${st(L, 'created')}</dt><dd>${when(t.createdAt, m)}</dd></div>
</dl>
${satisfaction(m, status)}
<h3 id="replies-heading">${st(L, 'replies')}</h3>
<ol class="replies" aria-labelledby="replies-heading">
${replies}
</ol>
${filesSection(m, status)}
${addInfo}
</section>`;
}

/** The ticket's public files by name and size only: their bytes open in the widget or the console, never from a number and an email. */
function filesSection(m: StatusPageModel, status: PublicTicketStatus): string {
  const L = m.lang;
  if (!status.files?.length) return '';
  const items = status.files
    .map((f) => `<li><span class="file-name">${esc(f.name)}</span> <span class="file-meta">${fileSize(f.size)} · ${esc(f.author === 'agent' ? st(L, 'support') : st(L, 'you'))} · ${when(f.createdAt, m)}</span></li>`)
    .join('\n');
  return `<h3 id="files-heading">${st(L, 'files')}</h3>
<ul class="files" aria-labelledby="files-heading">
${items}
</ul>
<p class="hint">${st(L, 'filesHint')}</p>`;
}

/** 812 B, 45 KB, 2.3 MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function satisfaction(m: StatusPageModel, status: PublicTicketStatus): string {
  const L = m.lang;
  const s = status.satisfaction;
  if (s.state === 'rated') {
    return `<section class="rating done" aria-labelledby="rating-heading"><h3 id="rating-heading">${st(L, 'rate')}</h3>
<p>${st(L, 'yourRating', { n: s.score })}</p>${s.comment ? `<p class="text">${esc(s.comment)}</p>` : ''}</section>`;
  }
  if (s.state !== 'offered') return '';
  const options = [5, 4, 3, 2, 1]
    .map((n) => {
      const label = `${st(L, n === 1 ? 'star' : 'stars', { n })} · ${SCORE_WORDS[L][n - 1]}`;
      return `<label class="score"><input type="radio" name="score" value="${n}" required> ${esc(label)}</label>`;
    })
    .join('\n');
  return `<form method="post" action="/status/rating" class="rating">${credentials(m)}
<fieldset><legend>${st(L, 'rate')}</legend>
<p class="hint">${st(L, 'rateHint', { until: when(s.until, m) })}</p>
<div class="scores">${options}</div>
<div class="field"><label for="comment">${st(L, 'comment')}</label>
<textarea id="comment" name="comment" rows="3" maxlength="1000"></textarea></div>
<button type="submit">${st(L, 'submitRating')}</button>
</fieldset></form>`;
}

export function renderStatusPage(m: StatusPageModel): string {
  const L = m.lang;
  const other: Lang = L === 'en' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${st(L, 'title')} · ${st(L, 'brand')}</title>
<link rel="stylesheet" href="/status/status.css">
</head>
<body>
<header class="top"><p class="brand">${st(L, 'brand')}</p><a href="/status?lang=${other}" lang="${other}" hreflang="${other}">${st(L, 'otherLang')}</a></header>
<main>
<h1>${st(L, 'title')}</h1>
<div class="messages">
${m.error ? `<p class="error" role="alert">${esc(m.error)}</p>` : ''}
${m.notice ? `<p class="notice" role="status">${esc(m.notice)}</p>` : ''}
</div>
${m.ticket ? ticketSection(m, m.ticket) : ''}
${lookupForm(m)}
</main>
</body>
</html>
`;
}
