/**
 * Service hours: when human agents answer. A weekly schedule (a default, and optionally one per
 * department), closed dates (holidays) and extra working days (调休: a weekend date that follows a
 * weekday's schedule). Times are wall-clock times in the server's service time zone (`TZ`).
 * Stored as one JSON value (setting `service_hours`) and sent by `PUT /api/service-hours`.
 */
import * as v from 'valibot';
import { record } from './schemas.ts';

/** Keys of a week, Sunday first (index = `Date#getDay()`). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 00:00–24:00 (24:00 only makes sense as an end). */
const clock = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'times are HH:MM between 00:00 and 24:00'));
/** "YYYY-MM-DD", a real calendar date. */
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD'),
  v.check((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'not a calendar date'),
);
const label = v.pipe(v.string(), v.trim(), v.maxLength(80), v.regex(/^[^\u0000-\u001F\u007F]*$/, 'control characters are not allowed'));

/** Open from `from` (inclusive) to `to` (exclusive), the same day. */
export const TimeRangeSchema = v.pipe(
  record({ from: clock, to: clock }),
  v.check((r) => r.from < r.to, 'a time range must end after it starts (overnight spans are two ranges)'),
);
export type TimeRange = v.InferOutput<typeof TimeRangeSchema>;

/** One day's ranges, in order and not overlapping. */
const dayRanges = v.pipe(
  v.array(TimeRangeSchema),
  v.maxLength(8),
  v.check((rs) => rs.every((r, i) => i === 0 || rs[i - 1]!.to <= r.from), 'ranges of a day must be in order and must not overlap'),
);

/** A week: each day's open ranges; an empty list (or a missing day) means closed all day. */
export const WeekScheduleSchema = record(Object.fromEntries(WEEKDAYS.map((d) => [d, v.optional(dayRanges, [])])) as Record<Weekday, v.OptionalSchema<typeof dayRanges, []>>);
export type WeekSchedule = v.InferOutput<typeof WeekScheduleSchema>;

export const HolidaySchema = record({ date: isoDate, name: v.optional(label) });
/** A date open on the schedule of weekday `as` (default Monday), whatever day of the week it is. */
export const ExtraWorkdaySchema = record({ date: isoDate, as: v.optional(v.picklist(WEEKDAYS), 'mon'), name: v.optional(label) });

/** As the team's department keys. */
const departmentKey = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'a department key is 1–32 lowercase letters, digits or -, starting with a letter'));

export const ServiceHoursSchema = v.pipe(
  record({
    /** The schedule of every department without its own. */
    default: WeekScheduleSchema,
    departments: v.optional(v.pipe(v.record(departmentKey, WeekScheduleSchema), v.check((d) => Object.keys(d).length <= 100, 'at most 100 departments')), {}),
    /** Closed all day, whatever the weekly schedule says. */
    holidays: v.optional(v.pipe(v.array(HolidaySchema), v.maxLength(400)), []),
    extraWorkdays: v.optional(v.pipe(v.array(ExtraWorkdaySchema), v.maxLength(400)), []),
    /** Set on the shipped example calendar, so an operator knows to replace it. */
    demo: v.optional(v.boolean()),
  }),
  v.check((h) => {
    const closed = new Set(h.holidays.map((x) => x.date));
    return !h.extraWorkdays.some((x) => closed.has(x.date));
  }, 'a date cannot be both a holiday and an extra working day'),
);
/** Service hours as stored and as an admin edits them. */
export type ServiceHours = v.InferOutput<typeof ServiceHoursSchema>;

/** Whether human agents answer now (the hello acknowledgement, for the site's default department); `opensAt` (epoch ms) when closed and known. */
export interface VisitorAvailability {
  open: boolean;
  opensAt?: number;
}
