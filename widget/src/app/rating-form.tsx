/** The 1–5 star rating shown after an agent closes the conversation. */
import { LIMITS } from '@kefu/shared';
import { useState } from 'preact/hooks';
import type { translator } from './i18n.ts';

/** Props of the rating form. */
export interface RatingFormProps {
  t: ReturnType<typeof translator>;
  onRate: (score: number, comment: string) => Promise<boolean>;
}

/** A radio group of five stars, an optional comment and a submit button. */
export function RatingForm({ t, onRate }: RatingFormProps) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="rt"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!score || busy) return;
        setBusy(true);
        if (!(await onRate(score, comment.trim()))) setBusy(false);
      }}
    >
      <fieldset>
        <legend>{t('rateTitle')}</legend>
        <div class="stars" role="radiogroup" aria-label={t('rate')}>
          {[1, 2, 3, 4, 5].map((n) => (
            <label class={n <= score ? 'on' : ''}>
              <input
                type="radio"
                name="kefu-rating"
                value={n}
                checked={score === n}
                aria-label={n === 1 ? t('starOne') : t('star', { n })}
                onChange={() => setScore(n)}
              />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
        <textarea
          aria-label={t('comment')}
          placeholder={t('comment')}
          maxLength={LIMITS.commentChars}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        <button type="submit" class="pb" disabled={!score || busy}>
          {t('submitRating')}
        </button>
      </fieldset>
    </form>
  );
}
