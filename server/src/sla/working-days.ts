/**
 * Working days (工作日) for SLA clocks: Monday to Friday, minus the service-hours calendar's holidays,
 * plus its extra working days (调休). The weekly opening hours are not consulted: chat is open at
 * weekends too (seed 000: 工作日 9:00–21:00, 周末 10:00–18:00), yet a weekend is not a working day.
 */
import type { ServiceHours } from '@kefu/shared';
import { addDays, instantAt, wallTime, weekdayOf, type IsoDate } from '../hours/wall-clock.ts';

export interface WorkingCalendar {
  timeZone: string;
  holidays: ReadonlySet<IsoDate>;
  extraWorkdays: ReadonlySet<IsoDate>;
}

/** The working calendar of the stored service hours (their holidays and 调休 dates), in the service time zone. */
export function workingCalendar(hours: Pick<ServiceHours, 'holidays' | 'extraWorkdays'>, timeZone: string): WorkingCalendar {
  return {
    timeZone,
    holidays: new Set(hours.holidays.map((h) => h.date)),
    extraWorkdays: new Set(hours.extraWorkdays.map((w) => w.date)),
  };
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.extraWorkdays.has(date)) return true;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** How far ahead to look: the schema allows 400 holidays, so a working day always falls within this. */
const LOOKAHEAD_DAYS = 3 * 366;

/** A working day as the instants its wall-clock midnight to midnight span, [start, end). */
export interface DaySpan {
  date: IsoDate;
  start: number;
  end: number;
}

/** The working days from the one containing `from` on, in order (at most the look-ahead's worth). */
export function* workingDaySpans(calendar: WorkingCalendar, from: number): Generator<DaySpan> {
  const first = wallTime(from, calendar.timeZone).date;
  for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
    const date = addDays(first, i);
    if (!isWorkingDay(calendar, date)) continue;
    yield { date, start: instantAt(date, 0, calendar.timeZone), end: instantAt(date, 1440, calendar.timeZone) };
  }
}
