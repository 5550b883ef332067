/** Message times through Intl, no date library. */
import type { Lang } from '@kefu/shared';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** Formats a message time with Intl (cached): the time of day, with the date when it is not today. */
export function formatTime(lang: Lang, at: number, now = Date.now()): string {
  const today = new Date(now).toDateString() === new Date(at).toDateString();
  const key = `${lang}:${today}`;
  let format = timeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = today
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    timeFormats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  }
  return format.format(at);
}
