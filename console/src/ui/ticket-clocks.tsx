/** A ticket's SLA clocks in the order they fall due: what each promises, when it is due, and where it stands. */
import { TICKET_CLOCK_LABELS, type TicketClock } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { formatDueAt } from '../format/format-due.ts';
import { useI18n } from './i18n-context.ts';
import { DueTime, SlaBadge } from './ticket-bits.tsx';

function stateKey(clock: TicketClock): MessageKey | null {
  if (clock.met) return 'tkClockMet';
  if (clock.paused) return 'tkClockPaused';
  return clock.state === 'ok' ? 'tkClockOk' : null;
}

export function TicketClocks({ clocks, now }: { clocks: TicketClock[]; now: number }) {
  const { lang, t } = useI18n();
  if (clocks.length === 0) return null;
  return (
    <section class="card ticket-clocks" aria-labelledby="ticket-clocks-heading">
      <h3 id="ticket-clocks-heading" class="card-title">
        {t('tkClocks')}
      </h3>
      <table class="clock-table">
        <thead>
          <tr>
            <th scope="col">{t('tkClockCol')}</th>
            <th scope="col">{t('tkDueCol')}</th>
            <th scope="col">{t('tkStateCol')}</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((clock) => {
            const plain = stateKey(clock);
            return (
              <tr key={clock.clock} class={clock.met ? 'clock-met' : undefined}>
                <th scope="row">{TICKET_CLOCK_LABELS[clock.clock][lang]}</th>
                <td>{clock.dueAt === undefined ? <span class="muted">—</span> : clock.met ? <time class="muted" dateTime={new Date(clock.dueAt).toISOString()}>{formatDueAt(lang, clock.dueAt, now)}</time> : <DueTime at={clock.dueAt} now={now} />}</td>
                <td>{plain ? <span class={`clock-state clock-${clock.met ? 'met' : clock.paused ? 'paused' : 'ok'}`}>{t(plain)}</span> : <SlaBadge sla={clock.state} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
