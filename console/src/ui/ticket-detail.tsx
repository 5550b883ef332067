/**
 * One ticket (`#/tickets/<number>`): its number, title, badges and facts, the SLA clocks, the thread,
 * the composer and the controls. Every change goes to the server and the view reloads from its answer;
 * `ticket` and `ticketEvent` pushes keep it current while someone else works on it.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  TICKET_KIND_LABELS,
  TICKET_PLAN_LABELS,
  TICKET_STATUS_LABELS,
  type AgentProfile,
  type Department,
  type TicketDetail,
  type TicketPatch,
  type TransferTarget,
} from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import type { MessageKey } from '../i18n/messages.ts';
import { pageHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { SlaBadge, TierBadge } from './ticket-bits.tsx';
import { TicketAttachments } from './ticket-attachments.tsx';
import { TicketClocks } from './ticket-clocks.tsx';
import { TicketControls } from './ticket-controls.tsx';
import { ticketErrorKey } from './ticket-errors.ts';
import type { TicketFeed } from './ticket-feed.ts';
import { TicketRatingCard } from './ticket-rating.tsx';
import { TicketReply, type ReplyKind } from './ticket-reply.tsx';
import { TicketThread } from './ticket-thread.tsx';
import { ticketsApi, type TicketApiResult } from './tickets-api.ts';

export interface TicketDetailViewProps {
  number: string;
  me: Pick<AgentProfile, 'id' | 'name' | 'role'>;
  agents: TransferTarget[];
  departments: Department[];
  feed?: TicketFeed | undefined;
  now: number;
}

export function TicketDetailView({ number, me, agents, departments, feed, now }: TicketDetailViewProps) {
  const { lang, t } = useI18n();
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  const reload = async (): Promise<MessageKey | null> => {
    const res = await ticketsApi.detail(number);
    if (!res.ok) {
      const key = ticketErrorKey(res.code);
      setError(key);
      return key;
    }
    setError(null);
    setDetail(res.data);
    return null;
  };

  useEffect(() => {
    void reload().then(() => document.getElementById('ticket-heading')?.focus());
  }, [number]);

  useEffect(
    () =>
      feed?.subscribe((update) => {
        setDetail((held) => {
          if (!held) return held;
          // A push may overtake or trail the answer to our own change: the newer view wins.
          if (update.type === 'ticket') return update.ticket.id === held.ticket.id && update.ticket.updatedAt >= held.ticket.updatedAt ? { ...held, ticket: update.ticket } : held;
          const event = update.event;
          if (event.ticketId !== held.ticket.id || held.events.some((e) => e.id === event.id)) return held;
          // A reply's files join the ticket's attachments as they come.
          const files = (event.attachments ?? []).map((f) => ({ ...f, origin: 'ticket' as const, author: event.author.kind === 'agent' ? ('agent' as const) : ('customer' as const), ...(event.author.name ? { authorName: event.author.name } : {}), eventId: event.id, createdAt: event.createdAt }));
          return { ...held, events: [...held.events, event], ...(files.length ? { attachments: [...(held.attachments ?? []), ...files] } : {}) };
        });
      }),
    [feed],
  );

  /** Sends a change and shows the ticket the server answers with (reloads when the answer is not a whole detail); resolves with the refusal's message key or null. */
  const act = async (send: () => Promise<TicketApiResult<unknown>>): Promise<MessageKey | null> => {
    const res = await send();
    if (!res.ok) return ticketErrorKey(res.code);
    const answer = res.data as Partial<TicketDetail> | undefined;
    if (answer?.ticket && Array.isArray(answer.events)) {
      setError(null);
      setDetail({ ticket: answer.ticket, events: answer.events, ...(answer.attachments ? { attachments: answer.attachments } : {}) });
    } else await reload();
    return null;
  };
  const sendText = (kind: ReplyKind, text: string, files: string[]) => act(() => (kind === 'note' ? ticketsApi.note(number, text) : ticketsApi.reply(number, text, files)));
  const upload = (file: File) => ticketsApi.upload(number, file);
  const save = (patch: TicketPatch) => act(() => ticketsApi.patch(number, patch));

  const back = (
    <a class="back-link" href={pageHref('tickets')}>
      <span aria-hidden="true">← </span>
      {t('tkBack')}
    </a>
  );

  if (!detail) {
    return (
      <section class="page ticket-detail" aria-label={number}>
        {back}
        {error ? (
          <p class="form-error" role="alert">
            {t(error)}
          </p>
        ) : (
          <p class="muted">{t('loading')}</p>
        )}
      </section>
    );
  }

  const { ticket, events } = detail;
  const r = ticket.requester;
  const dept = departments.find((d) => d.key === ticket.department);
  return (
    <section class="page ticket-detail" aria-labelledby="ticket-heading">
      {back}
      <header class="ticket-head">
        <h2 id="ticket-heading" tabIndex={-1}>
          <span class="ticket-number">{ticket.number}</span> <span class="ticket-title">{ticket.title}</span>
        </h2>
        <p class="ticket-badges">
          <span class={`badge ticket-status status-${ticket.status}`}>{TICKET_STATUS_LABELS[ticket.status][lang]}</span>
          <TierBadge tier={ticket.tier} />
          <SlaBadge sla={ticket.sla} />
          {ticket.escalated && <span class="badge escalated-badge">{t('tkEscalated')}</span>}
          {ticket.reopenCount > 0 && <span class="badge">{t('tkReopened', { count: ticket.reopenCount })}</span>}
        </p>
      </header>
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div class="ticket-body">
        <div class="ticket-summary">
          <dl class="card ticket-facts">
            <div>
              <dt>{t('tkRequester')}</dt>
              <dd>
                {r.name ?? (r.email || r.phone ? '' : t('tkVisitor'))}
                {r.email && <span class="contact">{r.email}</span>}
                {r.phone && <span class="contact">{r.phone}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('tkAssignee')}</dt>
              <dd>{ticket.assignee ? ticket.assignee.name || ticket.assignee.id : t('tkUnassigned')}</dd>
            </div>
            <div>
              <dt>{t('tkDepartment')}</dt>
              <dd>{dept ? (lang === 'en' ? dept.nameEn : dept.nameZh) : (ticket.department ?? t('tkNoDepartment'))}</dd>
            </div>
            <div>
              <dt>{t('tkPlan')}</dt>
              <dd>
                {TICKET_PLAN_LABELS[ticket.plan][lang]}
                {ticket.priority && <span class="badge">{t('tkPriority')}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('tkKind')}</dt>
              <dd>{TICKET_KIND_LABELS[ticket.kind][lang]}</dd>
            </div>
            <div>
              <dt>{t('tkCreated')}</dt>
              <dd>
                <time dateTime={new Date(ticket.createdAt).toISOString()}>{formatTime(lang, ticket.createdAt, now, '24h')}</time>
              </dd>
            </div>
          </dl>
          <TicketClocks clocks={ticket.clocks} now={now} />
          <TicketRatingCard number={ticket.number} updatedAt={ticket.updatedAt} now={now} />
        </div>
        <div class="ticket-main">
          <section class="card ticket-description" aria-labelledby="ticket-description-heading">
            <h3 id="ticket-description-heading" class="card-title">
              {t('tkDescription')}
            </h3>
            <p class="msg-text">{ticket.description}</p>
          </section>
          <TicketAttachments number={ticket.number} files={detail.attachments ?? []} customer={r.name} now={now} />
          <section class="ticket-thread-wrap" aria-labelledby="ticket-thread-heading">
            <h3 id="ticket-thread-heading" class="card-title">
              {t('tkThread')}
            </h3>
            <TicketThread number={ticket.number} events={events} departments={departments} now={now} />
          </section>
          <TicketReply onSend={sendText} onUpload={upload} />
        </div>
        <div class="ticket-actions">
          <TicketControls ticket={ticket} me={me} agents={agents} departments={departments} onSave={save} />
        </div>
      </div>
    </section>
  );
}
