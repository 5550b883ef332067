/** A ticket's due time read two ways: how far off it is (or how long overdue), and the wall-clock time, through Intl. */
import type { Lang } from '@kefu/shared';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The span as the largest whole unit that fits (under an hour in minutes, under two days in hours, else days). */
export function formatSpan(lang: Lang, ms: number): string {
  const span = Math.abs(ms);
  const [value, unit] =
    span < HOUR ? [Math.max(1, Math.round(span / MINUTE)), 'minute'] : span < 2 * DAY ? [Math.round(span / HOUR), 'hour'] : [Math.round(span / DAY), 'day'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** `due` relative to `now`: overdue when past. */
export function dueSpan(lang: Lang, due: number, now: number): { overdue: boolean; span: string } {
  return { overdue: due <= now, span: formatSpan(lang, due - now) };
}

const absoluteFormats = new Map<string, Intl.DateTimeFormat>();

/** Month, day and 24-hour time (`11月30日 14:30`, `Nov 30, 14:30`); the year only when it is not this year's. */
export function formatDueAt(lang: Lang, at: number, now: number): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const key = `${lang}:${sameYear}`;
  let format = absoluteFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
    if (!sameYear) options.year = 'numeric';
    absoluteFormats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  }
  return format.format(at);
}
