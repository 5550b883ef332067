/** The ticket rows: number and title (a link to the detail), SLA and tier badges, status, assignee, customer and the next due time. */
import { TICKET_STATUS_LABELS, type Ticket } from '@kefu/shared';
import { ticketHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { DueTime, requesterName, SlaBadge, TierBadge } from './ticket-bits.tsx';

export interface TicketListProps {
  tickets: Ticket[];
  now: number;
}

export function TicketList({ tickets, now }: TicketListProps) {
  const { lang, t } = useI18n();
  return (
    <ul class="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.id} class={`ticket-row sla-row-${ticket.sla}`} aria-labelledby={`ticket-link-${ticket.id}`}>
          <div class="ticket-row-head">
            <a id={`ticket-link-${ticket.id}`} class="ticket-link" href={ticketHref(ticket.number)}>
              <span class="ticket-number">{ticket.number}</span> <span class="ticket-title">{ticket.title}</span>
            </a>
            <SlaBadge sla={ticket.sla} />
            <TierBadge tier={ticket.tier} />
          </div>
          <div class="ticket-row-meta">
            <span class={`ticket-status status-${ticket.status}`}>{TICKET_STATUS_LABELS[ticket.status][lang]}</span>
            <span>
              <span class="muted">{t('tkAssignee')}</span> {ticket.assignee ? ticket.assignee.name || ticket.assignee.id : t('tkUnassigned')}
            </span>
            <span>
              <span class="muted">{t('tkRequester')}</span> {requesterName(ticket) ?? t('tkVisitor')}
            </span>
            <span class="ticket-due">
              {ticket.nextDueAt !== undefined ? (
                <>
                  <span class="muted">{t('tkNextDue')}</span> <DueTime at={ticket.nextDueAt} now={now} />
                </>
              ) : (
                <span class="muted">{t('tkNoDue')}</span>
              )}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
