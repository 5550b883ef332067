/**
 * 评价 in a ticket's detail: while the survey is open (48 h after resolution, not rated yet) five stars
 * named like the chat's rating form, a comment box and a submit button; once rated, the rating given.
 * The stars reuse the chat rating form's classes (the app's stylesheet is in the same root).
 */
import { LIMITS, type Ack, type Lang, type VisitorTicketDetail } from '@kefu/shared';
import { el } from '../files/dom.ts';
import { fill, type TicketStrings } from './strings.ts';
import { formatWhen } from './timeline.ts';

export interface RatingPartOptions {
  s: TicketStrings;
  lang: Lang;
  /** Sends the rating; the answer is the ticket as it now stands. */
  rate: (score: number, comment: string) => Promise<Ack<VisitorTicketDetail>>;
  /** Called with the rated ticket (the detail redraws with the thank-you). */
  rated: (d: VisitorTicketDetail) => void;
  refusal: (res: Ack<unknown>) => string;
}

/** The survey part for this ticket, or nothing when there is none. */
export function ratingPart(d: VisitorTicketDetail, o: RatingPartOptions): HTMLElement | undefined {
  const { s, lang } = o;
  const survey = d.satisfaction;
  if (survey?.state === 'rated') {
    const given = [el('h4', {}, s.rateHeading), el('p', {}, fill(s.yourRating, { n: survey.score }))];
    if (survey.comment) given.push(el('p', { class: 'kt-r' }, survey.comment));
    return el('div', { class: 'kt-c' }, ...given);
  }
  if (survey?.state !== 'offered') return undefined;

  let score = 0;
  const labels = [1, 2, 3, 4, 5].map((n) => {
    const radio = el('input', { type: 'radio', name: 'ktk-score', value: String(n), 'aria-label': n === 1 ? s.starOne : fill(s.star, { n }) });
    radio.onchange = () => {
      score = n;
      submit.disabled = false;
      labels.forEach((l, i) => l.classList.toggle('on', i < n));
    };
    return el('label', {}, radio, el('span', { 'aria-hidden': 'true' }, '★'));
  });
  const comment = el('textarea', { 'aria-label': s.comment, placeholder: s.comment, maxlength: String(LIMITS.commentChars) });
  const error = el('p', { role: 'alert', class: 'kt-e' });
  const submit = el('button', { type: 'submit', class: 'pb' }, s.submitRating);
  submit.disabled = true;
  const form = el(
    'form',
    { class: 'rt' },
    el(
      'fieldset',
      {},
      el('legend', {}, s.rateTitle),
      el('p', { class: 'kt-m' }, fill(s.rateUntil, { d: formatWhen(survey.until, lang) })),
      el('div', { class: 'stars', role: 'radiogroup', 'aria-label': s.rate }, ...labels),
      comment,
      error,
      submit,
    ),
  );
  form.onsubmit = async (e) => {
    e.preventDefault();
    if (!score || submit.disabled) return;
    submit.disabled = true;
    const res = await o.rate(score, comment.value.trim());
    if (!res.ok) {
      submit.disabled = false;
      error.textContent = res.error.code === 'invalid_state' ? s.ratingClosed : o.refusal(res);
      return;
    }
    o.rated(res.data);
  };
  return form;
}
