/** Small pieces every ticket screen shows: the SLA badge, the tier badge, the requester's name and a due time read two ways. */
import { TICKET_TIER_LABELS, type ClockState, type Ticket, type TicketTier } from '@kefu/shared';
import { dueSpan, formatDueAt } from '../format/format-due.ts';
import { useI18n } from './i18n-context.ts';

/** 即将超时 / 已超时 in words with a mark, so the state never rests on colour alone; nothing while on track. */
export function SlaBadge({ sla }: { sla: ClockState }) {
  const { t } = useI18n();
  if (sla === 'ok') return null;
  return (
    <span class={`badge sla-badge sla-${sla}`}>
      <SlaMark sla={sla} />
      {t(sla === 'breached' ? 'tkSlaBreached' : 'tkSlaAtRisk')}
    </span>
  );
}

/** A drawn mark (no font needs to have the glyph): a triangle for at risk, a struck circle for breached. */
export function SlaMark({ sla }: { sla: 'at_risk' | 'breached' | 'escalated' }) {
  return (
    <svg class="sla-mark" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {sla === 'at_risk' ? (
        <path d="M8 1.5 15 14.5H1Z M8 6v4.5 M8 12v1" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
      ) : (
        <path d="M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13Z M5.2 5.2l5.6 5.6 M10.8 5.2l-5.6 5.6" fill="none" stroke="currentColor" stroke-width="1.8" />
      )}
    </svg>
  );
}

/** 紧急 / 严重 / 一般. */
export function TierBadge({ tier }: { tier: TicketTier }) {
  const { lang } = useI18n();
  return <span class={`badge tier-badge tier-${tier}`}>{TICKET_TIER_LABELS[tier][lang]}</span>;
}

/** "25 分钟后到期 (11月30日 14:30)", or how long overdue. */
export function DueTime({ at, now }: { at: number; now: number }) {
  const { lang, t } = useI18n();
  const { overdue, span } = dueSpan(lang, at, now);
  return (
    <span class={overdue ? 'due overdue' : 'due'}>
      {t(overdue ? 'tkOverdue' : 'tkDueIn', { span })}{' '}
      <time class="muted" dateTime={new Date(at).toISOString()}>
        ({formatDueAt(lang, at, now)})
      </time>
    </span>
  );
}

/** Who asked, as briefly as the ticket allows: name, else email, else phone. */
export function requesterName(ticket: Pick<Ticket, 'requester'>): string | undefined {
  const r = ticket.requester;
  return r.name ?? r.email ?? r.phone;
}
