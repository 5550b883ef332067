/** Dates in the service time zone (TZ), via Intl so the process time zone does not matter. */
import type { Lang } from '@kefu/shared';

/** YYYYMMDD of `epochMs` in `timeZone`, for ticket numbers. */
export function dayInZone(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(epochMs);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

export function formatDateTime(epochMs: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
