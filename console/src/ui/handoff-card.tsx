/**
 * The handoff card above a transcript: what the visitor asked, what the bot missed and answered (with
 * the matcher's confidence), who they are (verified or not), where and with what they chat, and their
 * earlier conversations and tickets. Collapsible; the agent reads it before the first reply.
 */
import type { ComponentChildren } from 'preact';
import type { HandoffCard as Card } from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import type { MessageKey } from '../i18n/messages.ts';
import { historyHref } from './hash-route.ts';
import { IdentityBadge } from './identity-badge.tsx';
import { useI18n } from './i18n-context.ts';
import { langLabelKey, stateLabelKey } from './labels.ts';
import './handoff-card.css';

/** Props of {@link HandoffCard}. */
export interface HandoffCardProps {
  card: Card | undefined;
  now: number;
  /** The closed conversation this one continues: marked 上一次会话 among the earlier ones. */
  previousId?: string | undefined;
}

/** The visitor's wall clock now, when the widget told their time zone; undefined for an unknown zone. */
function localTime(timeZone: string, now: number, lang: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  } catch {
    return undefined;
  }
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Nothing until an open or accept brought the card. */
export function HandoffCard({ card, now, previousId }: HandoffCardProps) {
  const { lang, t } = useI18n();
  if (!card) return null;
  const { identity } = card;
  const when = (at: number) => formatTime(lang, at, now, '24h');
  const missed = new Set(card.missed.map((q) => q.seq));
  const zoneTime = card.timeZone ? localTime(card.timeZone, now, lang) : undefined;
  return (
    <details class="handoff-card" open>
      <summary>
        <strong>{t('cardTitle')}</strong>
        <span class="muted">{t('cardSummary', { questions: card.questions.length, missed: card.missed.length })}</span>
      </summary>
      <div class="hc-body">
        <section class="hc-asked" aria-label={t('cardQuestions')}>
          <h3>{t('cardQuestions')}</h3>
          {card.questions.length === 0 ? (
            <p class="muted">{t('cardNoQuestions')}</p>
          ) : (
            <ol class="hc-questions">
              {card.questions.map((q) => (
                <li key={q.seq} class={missed.has(q.seq) ? 'hc-missed' : undefined}>
                  <span class="hc-q">{q.text}</span>
                  {missed.has(q.seq) && <span class="badge warn">{t('cardMissed')}</span>}
                  <time class="muted" dateTime={new Date(q.createdAt).toISOString()}>{when(q.createdAt)}</time>
                </li>
              ))}
            </ol>
          )}
          {card.matched.length > 0 && (
            <>
              <h3>{t('cardMatched')}</h3>
              <ul class="hc-matched">
                {card.matched.map((m) => (
                  <li key={m.entryId}>
                    <span class="hc-q">{(lang === 'en' ? m.questionEn : undefined) ?? m.question ?? m.entryId}</span>
                    {m.confidence !== undefined && (
                      <span class="badge">{t('cardConfidence', { percent: Math.round(m.confidence * 100) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section class="hc-who" aria-label={t('cardVisitor')}>
          <dl class="hc-facts">
            {identity && (
              <Fact label={t('cardVisitor')}>
                {[identity.name, identity.email, identity.phone, identity.userId && `${t('cardUserId')} ${identity.userId}`].filter(Boolean).join(' · ')}{' '}
                <IdentityBadge identity={identity} />
              </Fact>
            )}
            {card.page && (
              <Fact label={t('cardPage')}>
                <a href={card.page} target="_blank" rel="noopener noreferrer" class="hc-url" title={card.page}>
                  {card.pageTitle ?? card.page}
                </a>
              </Fact>
            )}
            <Fact label={t('cardLang')}>{t(langLabelKey(card.lang))}</Fact>
            {zoneTime && (
              <Fact label={t('cardLocalTime')}>
                {zoneTime} ({card.timeZone})
              </Fact>
            )}
            {card.browser && <Fact label={t('cardBrowser')}>{card.browser}</Fact>}
            <Fact label={t('cardEarlier')}>
              {card.earlier.length === 0 ? (
                t('cardNone')
              ) : (
                <ul class="hc-history">
                  {card.earlier.map((c) => (
                    <li key={c.id}>
                      {/* Each opens read-only in 历史 / History. */}
                      <a href={historyHref(c.id)} aria-label={t('cardEarlierOpen', { time: when(c.createdAt), state: t(stateLabelKey(c.state)) })}>
                        <time dateTime={new Date(c.createdAt).toISOString()}>{when(c.createdAt)}</time> {t(stateLabelKey(c.state))}
                      </a>
                      {c.id === previousId && <span class="badge">{t('previousConversation')}</span>}
                      {c.preview && <> · {c.preview}</>}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
            <Fact label={t('cardTickets')}>
              {card.tickets.length === 0 ? (
                t('cardNone')
              ) : (
                <ul class="hc-history">
                  {card.tickets.map((k) => (
                    <li key={k.number}>
                      {k.number} · {t(`ticket_${k.status}` as MessageKey)}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
          </dl>
        </section>
      </div>
    </details>
  );
}
