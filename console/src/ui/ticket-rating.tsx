/**
 * The customer's satisfaction with a ticket, when they gave it (widget or status page): the 1–5 score
 * as stars and in words, their comment, and when. Read from GET /api/ratings/tickets/:number; a ticket
 * without a rating shows nothing. Asked again when the ticket changes (a rating follows a resolution).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '@kefu/shared/client';
import { useI18n } from './i18n-context.ts';
import { ticketsApi, type TicketRatingView } from './tickets-api.ts';

export interface TicketRatingCardProps {
  number: string;
  /** The ticket's last change: a new one asks again. */
  updatedAt: number;
  now: number;
}

export function TicketRatingCard({ number, updatedAt, now }: TicketRatingCardProps) {
  const { lang, t } = useI18n();
  const [rating, setRating] = useState<{ number: string; given: TicketRatingView['rating'] } | null>(null);

  useEffect(() => {
    let live = true;
    void ticketsApi.rating(number).then((res) => {
      if (live && res.ok) setRating({ number, given: res.data.rating });
    });
    return () => {
      live = false;
    };
  }, [number, updatedAt]);

  const given = rating?.number === number ? rating.given : null;
  if (!given) return null;
  return (
    <section class="card ticket-rating" aria-labelledby="ticket-rating-heading">
      <h3 id="ticket-rating-heading" class="card-title">
        {t('tkRating')}
      </h3>
      <p class="rating-score">
        <span class="rating-stars" aria-hidden="true">
          {'★'.repeat(given.score)}
          <span class="muted">{'☆'.repeat(5 - given.score)}</span>
        </span>{' '}
        <span>{t('tkRatingScore', { score: given.score })}</span>
      </p>
      {given.comment ? <blockquote class="msg-text rating-comment">{given.comment}</blockquote> : <p class="muted">{t('tkRatingNoComment')}</p>}
      <p class="muted">
        <time dateTime={new Date(given.at).toISOString()}>{formatTime(lang, given.at, now, '24h')}</time>
      </p>
    </section>
  );
}
