/**
 * A measured duration, as 报表 / Reports shows means and longest times: seconds under a minute (a chat's first reply
 * or a short queue wait is seconds, and "1 minute" for 5 seconds misleads), else the span's largest whole unit.
 */
import type { Lang } from '@kefu/shared';
import { formatSpan } from './format-due.ts';

export function formatDuration(lang: Lang, ms: number): string {
  if (ms >= 59_500) return formatSpan(lang, ms);
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.round(ms / 1000));
}
