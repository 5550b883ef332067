/**
 * `ticketAlert` pushes on screen: a banner line per ticket (its number, title and the most serious thing
 * that happened to it, with a link to it), the same chime and desktop notification as a queued visitor,
 * and the count in the tab title until the agent opens the ticket or dismisses the alert.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketAlert } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/translate.ts';
import { addTicketAlert, dropTicketAlerts } from '../state/ticket-alerts.ts';
import { ticketHref } from './hash-route.ts';
import { useI18n } from './i18n-context.ts';
import { SlaMark } from './ticket-bits.tsx';
import { playChime, showDesktop } from './notifications.ts';

const KIND_KEY: Record<TicketAlert['kind'], MessageKey> = {
  at_risk: 'tkAlertAtRisk',
  breached: 'tkAlertBreached',
  escalated: 'tkAlertEscalated',
};

export const ticketAlertText = (t: Translate, alert: TicketAlert): string => t(KIND_KEY[alert.kind], { number: alert.number, title: alert.title });

/** Holds the alerts; `push` is the socket handler. The ticket on screen (`openNumber`) has no alert. */
export function useTicketAlerts(openNumber: string | undefined) {
  const { t } = useI18n();
  const [alerts, setAlerts] = useState<TicketAlert[]>([]);
  const tRef = useRef(t);
  tRef.current = t;
  const openRef = useRef(openNumber);
  openRef.current = openNumber;

  useEffect(() => {
    if (openNumber) setAlerts((held) => dropTicketAlerts(held, openNumber));
  }, [openNumber]);

  const push = useRef((alert: TicketAlert) => {
    playChime();
    showDesktop(ticketAlertText(tRef.current, alert), alert.title.slice(0, 140), `kefu-ticket-${alert.ticketId}-${alert.kind}`, () => {
      location.hash = ticketHref(alert.number);
    });
    // Already looking at it: the chime is enough, the view shows the new state.
    if (openRef.current !== alert.number) setAlerts((held) => addTicketAlert(held, alert));
  }).current;
  const dismiss = (number: string) => setAlerts((held) => dropTicketAlerts(held, number));
  return { alerts, push, dismiss };
}

export interface TicketAlertBannerProps {
  alerts: TicketAlert[];
  onDismiss(number: string): void;
}

export function TicketAlertBanner({ alerts, onDismiss }: TicketAlertBannerProps) {
  const { t } = useI18n();
  return (
    <section class="ticket-alerts" aria-label={t('tkAlertsRegion')} role="alert">
      {alerts.map((alert) => (
        <div key={`${alert.ticketId}-${alert.kind}`} class={`ticket-alert alert-${alert.kind}`}>
          <p>
            <SlaMark sla={alert.kind} />{' '}
            {ticketAlertText(t, alert)}
          </p>
          <a href={ticketHref(alert.number)}>{t('tkAlertOpen', { number: alert.number })}</a>
          <button type="button" class="small ghost" onClick={() => onDismiss(alert.number)}>
            {t('tkAlertDismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
