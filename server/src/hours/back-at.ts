/** "Back at …": when humans return, as data (local time and which day) and as a short phrase per language. */
import type { Lang } from '@kefu/shared';
import { addDays, clockText, wallTime, type IsoDate } from './wall-clock.ts';

/** When `opensAt` falls, seen from `now` on the zone's calendar. */
export interface BackAt {
  /** Local "HH:MM". */
  time: string;
  /** today / tomorrow; `weekday` within the coming week; `date` further away. */
  day: 'today' | 'tomorrow' | 'weekday' | 'date';
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  date: IsoDate;
}

export function backAt(opensAt: number, now: number, timeZone: string): BackAt {
  const at = wallTime(opensAt, timeZone);
  const today = wallTime(now, timeZone).date;
  const day = at.date === today ? 'today' : at.date === addDays(today, 1) ? 'tomorrow' : at.date <= addDays(today, 6) ? 'weekday' : 'date';
  return { time: clockText(at.minutes), day, weekday: at.weekday, date: at.date };
}

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "明天 09:00" / "tomorrow at 09:00", "周一 09:00" / "on Monday at 09:00", "10月8日 09:00" / "on 8 October at 09:00". */
export function backAtPhrase(b: BackAt, lang: Lang): string {
  const [, m, d] = b.date.split('-').map(Number) as [number, number, number];
  if (lang === 'en') {
    const when = { today: 'today', tomorrow: 'tomorrow', weekday: `on ${EN_WEEKDAYS[b.weekday]}`, date: `on ${d} ${EN_MONTHS[m - 1]}` }[b.day];
    return `${when} at ${b.time}`;
  }
  const when = { today: '今天', tomorrow: '明天', weekday: ZH_WEEKDAYS[b.weekday], date: `${m}月${d}日` }[b.day];
  return `${when} ${b.time}`;
}
