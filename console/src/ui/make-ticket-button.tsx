/**
 * 转为工单 / Make a ticket in the conversation's header: one click makes a ticket of the conversation
 * (POST /api/tickets, its transcript attached, assigned to the agent) and shows its number with a link
 * to the ticket. The server answers a second click with the ticket the first one made, so it shows the
 * same number.
 */
import { useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/messages.ts';
import { ticketHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { ticketErrorKey } from './ticket-errors.ts';
import { ticketsApi } from './tickets-api.ts';

type Outcome = { conversationId: string } & ({ number: string } | { error: MessageKey });

export function MakeTicketButton({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Held per conversation: switching to another shows nothing from this one.
  const shown = outcome?.conversationId === conversationId ? outcome : null;
  const working = busy === conversationId;

  const make = async () => {
    if (working) return;
    setBusy(conversationId);
    const res = await ticketsApi.fromConversation(conversationId);
    setBusy(null);
    setOutcome(res.ok ? { conversationId, number: res.data.ticket.number } : { conversationId, error: ticketErrorKey(res.code) });
  };

  return (
    <div class="make-ticket">
      <button type="button" aria-busy={working} disabled={working} onClick={() => void make()}>
        {working ? t('makingTicket') : t('makeTicket')}
      </button>
      {shown && 'number' in shown && (
        <p role="status" class="made-ticket">
          {t('madeTicket')} <a href={ticketHref(shown.number)}>{shown.number}</a>
        </p>
      )}
      {shown && 'error' in shown && (
        <p role="alert" class="form-error">
          {t(shown.error)}
        </p>
      )}
    </div>
  );
}
