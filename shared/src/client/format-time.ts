/** Message times through Intl, no date library. */
import type { Lang } from '../domain.ts';

/** `locale`: the language's own clock (12-hour in English); `24h`: always 00:00–23:59. */
export type Clock = 'locale' | '24h';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a message time with Intl (cached): the time of day, with the date when it is not today. */
export function formatTime(lang: Lang, at: number, now = Date.now(), clock: Clock = 'locale'): string {
  const today = new Date(now).toDateString() === new Date(at).toDateString();
  const key = `${lang}:${today}:${clock}`;
  let format = timeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = today
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    if (clock === '24h') options.hour12 = false;
    timeFormats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  }
  return format.format(at);
}
