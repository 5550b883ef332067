/** Whether a department's humans are on duty at an instant, and when that changes, from the service hours. */
import { WEEKDAYS, type ServiceHours, type TimeRange } from '@kefu/shared';
import { addDays, clockMinutes, instantAt, wallTime, weekdayOf, type IsoDate } from './wall-clock.ts';

export interface Availability {
  open: boolean;
  /** Closed: when the next opening starts (absent when none within a year and a week). */
  opensAt?: number;
  /** Open: when the current range ends. */
  closesAt?: number;
}

/** How far ahead to look for the next opening: a year of holidays plus a week. */
const LOOKAHEAD_DAYS = 373;

/** The open ranges of one calendar date for a department: holidays close, extra working days borrow a weekday. */
export function rangesOn(hours: ServiceHours, department: string | undefined, date: IsoDate): readonly TimeRange[] {
  if (hours.holidays.some((h) => h.date === date)) return [];
  const week = (department !== undefined && hours.departments[department]) || hours.default;
  const extra = hours.extraWorkdays.find((w) => w.date === date);
  return week[extra ? extra.as : WEEKDAYS[weekdayOf(date)]!];
}

/**
 * Open or closed at `now` in `timeZone`. A range is open from its start (inclusive) to its end
 * (exclusive): at 09:00 sharp a 09:00–21:00 day is open, at 21:00 sharp it is closed.
 */
export function availability(hours: ServiceHours, department: string | undefined, now: number, timeZone: string): Availability {
  const today = wallTime(now, timeZone).date;
  // Yesterday too: a range ending at 24:00 may run into today's 00:00 range, and instants are compared, not clocks.
  for (let i = -1; i <= LOOKAHEAD_DAYS; i++) {
    const date = addDays(today, i);
    for (const r of rangesOn(hours, department, date)) {
      const from = instantAt(date, clockMinutes(r.from), timeZone);
      const to = instantAt(date, clockMinutes(r.to), timeZone);
      if (now < from) return { open: false, opensAt: from };
      if (now < to) return { open: true, closesAt: closingAfter(hours, department, date, to, timeZone) };
    }
  }
  return { open: false };
}

/** A range ending at 24:00 and the next day's starting at 00:00 are one stretch: its end is the last join's end. */
function closingAfter(hours: ServiceHours, department: string | undefined, date: IsoDate, to: number, timeZone: string): number {
  let end = to;
  for (let i = 1; i <= LOOKAHEAD_DAYS; i++) {
    const next = addDays(date, i);
    const first = rangesOn(hours, department, next)[0];
    if (!first || first.from !== '00:00' || instantAt(next, 0, timeZone) !== end) break;
    end = instantAt(next, clockMinutes(first.to), timeZone);
    if (first.to !== '24:00') break;
  }
  return end;
}
