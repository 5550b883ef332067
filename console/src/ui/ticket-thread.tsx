/**
 * A ticket's thread, oldest first: public replies and internal notes as labelled bubbles that look
 * apart, every change (status, tier, plan, assignment, department, escalation, SLA) as a short system line,
 * and the transcript of the conversation it came from folded away.
 */
import {
  TICKET_CLOCK_LABELS,
  TICKET_PLAN_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_TIER_LABELS,
  type Department,
  type Lang,
  type TicketClockName,
  type TicketEvent,
  type TicketPlan,
  type TicketStatus,
  type TicketTier,
} from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import type { Translate } from '../i18n/translate.ts';
import { AttachmentView } from './attachment-view.tsx';
import { useI18n } from './i18n-context.ts';
import { ticketsApi } from './tickets-api.ts';

export interface TicketThreadProps {
  /** The ticket's number: the files its replies carry open through it. */
  number: string;
  events: TicketEvent[];
  departments: Department[];
  now: number;
}

function statusLabel(lang: Lang, status: string | undefined, t: Translate): string {
  if (!status) return t('tkNone');
  // Rows stored before the statuses existed read as in progress.
  const known = (status === 'pending' ? 'in_progress' : status) as TicketStatus;
  return TICKET_STATUS_LABELS[known]?.[lang] ?? status;
}

function tierLabel(lang: Lang, tier: string | undefined, t: Translate): string {
  return tier ? (TICKET_TIER_LABELS[tier as TicketTier]?.[lang] ?? tier) : t('tkNone');
}

/** 企业版, or 企业版（优先支持） with priority support. */
function planLabel(lang: Lang, plan: string | undefined, priority: boolean | undefined, t: Translate): string {
  const name = plan ? (TICKET_PLAN_LABELS[plan as TicketPlan]?.[lang] ?? plan) : t('tkNone');
  return priority ? t('tkPlanWithPriority', { plan: name }) : name;
}

function clockLabel(lang: Lang, clock: TicketClockName | undefined): string {
  return clock ? (TICKET_CLOCK_LABELS[clock]?.[lang] ?? clock) : '';
}

function who(event: TicketEvent, t: Translate): string {
  return event.author.name ?? (event.author.kind === 'customer' ? t('tkCustomer') : t('tkSystem'));
}

/** The short line a change reads as. */
function systemLine(event: TicketEvent, lang: Lang, t: Translate, departments: Department[]): string {
  const by = who(event, t);
  const dept = (key: string | undefined) => {
    const d = key ? departments.find((x) => x.key === key) : undefined;
    return d ? (lang === 'en' ? d.nameEn : d.nameZh) : (key ?? t('tkNone'));
  };
  switch (event.type) {
    case 'status':
      return t('tkEvStatus', { who: by, from: statusLabel(lang, event.from, t), to: statusLabel(lang, event.to, t) });
    case 'tier':
      return t('tkEvTier', { who: by, from: tierLabel(lang, event.from, t), to: tierLabel(lang, event.to, t) });
    case 'plan':
      return t('tkEvPlan', { who: by, from: planLabel(lang, event.from, event.fromPriority, t), to: planLabel(lang, event.to, event.toPriority, t) });
    case 'assignment':
      return event.to ? t('tkEvAssigned', { who: by, name: event.toName ?? event.to }) : t('tkEvUnassigned', { who: by });
    case 'department':
      return t('tkEvDepartment', { who: by, from: dept(event.from), to: dept(event.to) });
    case 'escalation':
      if (event.reason === 'reopens') return t('tkEvEscalatedReopens');
      if (event.reason === 'overdue') return t('tkEvEscalatedOverdue', { clock: clockLabel(lang, event.clock) });
      return t('tkEvEscalated');
    case 'sla':
      return t(event.level === 'breached' ? 'tkEvSlaBreached' : 'tkEvSlaAtRisk', { clock: clockLabel(lang, event.clock) });
    default:
      return t('tkEvCreated');
  }
}

function When({ at, now }: { at: number; now: number }) {
  const { lang } = useI18n();
  return (
    <time class="muted" dateTime={new Date(at).toISOString()}>
      {formatTime(lang, at, now, '24h')}
    </time>
  );
}

export function TicketThread({ number, events, departments, now }: TicketThreadProps) {
  const { lang, t } = useI18n();
  const ordered = [...events].sort((a, b) => a.createdAt - b.createdAt);
  return (
    <ol class="ticket-thread">
      {ordered.map((event) => {
        if (event.type === 'reply' || event.type === 'note') {
          const note = event.type === 'note';
          const fromCustomer = event.author.kind === 'customer';
          return (
            <li key={event.id} class={`tk-entry ${note ? 'tk-note' : fromCustomer ? 'tk-reply tk-from-customer' : 'tk-reply'}`}>
              <div class="tk-entry-head">
                <span class={`tk-label ${note ? 'tk-label-note' : 'tk-label-public'}`}>
                  {note ? `${t('tkInternalNote')} · ${t('tkNoteHint')}` : fromCustomer ? t('tkCustomer') : t('tkPublicReply')}
                </span>
                {/* A customer without a name is already told by the label: no "客户 客户". */}
                {(event.author.name || !fromCustomer) && <span class="author">{who(event, t)}</span>}
                <When at={event.createdAt} now={now} />
              </div>
              <p class="msg-text">{event.text}</p>
              {event.attachments && event.attachments.length > 0 && (
                <ul class="tk-entry-files" aria-label={t('tkFiles')}>
                  {event.attachments.map((file) => (
                    <li key={file.id}>
                      <AttachmentView file={file} href={ticketsApi.fileHref(number, file.id)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        }
        return (
          <li key={event.id} class={`tk-entry tk-system tk-${event.type}`}>
            <p>
              <span>{systemLine(event, lang, t, departments)}</span> <When at={event.createdAt} now={now} />
            </p>
            {event.text && event.type === 'status' && <p class="tk-remark">{event.text}</p>}
            {event.transcript && event.transcript.length > 0 && (
              <details class="tk-transcript">
                <summary>{t('tkTranscript', { count: event.transcript.length })}</summary>
                <ol>
                  {event.transcript.map((line, i) => (
                    <li key={i} class={`tk-line tk-line-${line.author}`}>
                      <span class="author">{line.authorName ?? t(line.author === 'visitor' ? 'authorVisitor' : line.author === 'bot' ? 'authorBot' : line.author === 'agent' ? 'authorAgent' : 'authorSystem')}</span>{' '}
                      <When at={line.createdAt} now={now} />
                      <p class="msg-text">{line.text}</p>
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
