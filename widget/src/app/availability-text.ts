/**
 * The header's line about human agents, from the hello's structured `availability`: on duty now, or
 * when they are back, in the visitor's language and on the visitor's own clock ("人工客服 明天 09:00 上线").
 */
import type { Lang, VisitorAvailability } from '@kefu/shared';
import type { translator } from './i18n.ts';

/** Day number on the visitor's calendar. */
const day = (ms: number) => Math.floor((ms - new Date(ms).getTimezoneOffset() * 6e4) / 864e5);

export function availabilityText(a: VisitorAvailability, lang: Lang, t: ReturnType<typeof translator>, now: number): { open: boolean; text: string } {
  const at = a.opensAt;
  // Past the announced return (the panel stayed open): humans are on duty by now.
  if (a.open || (at !== undefined && at <= now)) return { open: true, text: t('agentsOnline') };
  if (at === undefined) return { open: false, text: t('agentsAway') };
  const time = new Date(at).toTimeString().slice(0, 5);
  const ahead = day(at) - day(now);
  if (ahead < 1) return { open: false, text: t('agentsBack', { time }) };
  const when = ahead < 2 ? t('tomorrow') : new Intl.DateTimeFormat(lang, ahead < 7 ? { weekday: 'long' } : { month: 'short', day: 'numeric' }).format(at);
  return { open: false, text: t('agentsBackOn', { day: when, time }) };
}
