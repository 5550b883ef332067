/** Formats a message timestamp as a local clock time, with the date when it is not today. */
import type { Lang } from '@kefu/shared';

/** `HH:mm` for today, `M/D HH:mm` (localised) otherwise. */
export function formatTime(at: number, now: number, lang: Lang): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', hour12: false }
    : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
  return new Intl.DateTimeFormat(lang, options).format(date);
}
