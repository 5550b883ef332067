import { describe, expect, it } from 'vitest';
import { ServiceHoursSchema, v, type ServiceHours } from '@kefu/shared';
import { availability } from './availability.ts';
import { backAt } from './back-at.ts';
import { DEMO_SERVICE_HOURS } from './demo-service-hours.ts';

const TZ = 'Asia/Shanghai';
/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const sh = (local: string): number => Date.parse(`${local}+08:00`);

const weekday = [{ from: '09:00', to: '21:00' }];
const weekend = [{ from: '10:00', to: '18:00' }];
const HOURS: ServiceHours = v.parse(ServiceHoursSchema, {
  default: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend },
  departments: { billing: { mon: [{ from: '10:00', to: '12:00' }, { from: '14:00', to: '17:00' }] } },
  holidays: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, name: '国庆' })),
  // 2026-10-10 is a Saturday worked as a weekday (调休).
  extraWorkdays: [{ date: '2026-10-10', name: '国庆调休' }],
});
const at = (local: string, department?: string) => availability(HOURS, department, sh(local), TZ);

describe('availability in Asia/Shanghai', () => {
  it('is closed on a weekday morning before 09:00 and opens at 09:00 the same day', () => {
    // 2026-11-30 is a Monday.
    expect(at('2026-11-30T08:59:59')).toEqual({ open: false, opensAt: sh('2026-11-30T09:00:00') });
    expect(backAt(sh('2026-11-30T09:00:00'), sh('2026-11-30T07:00:00'), TZ)).toMatchObject({ time: '09:00', day: 'today' });
  });

  it('is open at exactly 09:00 and closed at exactly 21:00', () => {
    expect(at('2026-11-30T09:00:00')).toEqual({ open: true, closesAt: sh('2026-11-30T21:00:00') });
    expect(at('2026-11-30T20:59:59.999').open).toBe(true);
    expect(at('2026-11-30T21:00:00')).toEqual({ open: false, opensAt: sh('2026-12-01T09:00:00') });
  });

  it('after 21:00 on a weekday is back tomorrow at 09:00; on Friday evening, Saturday at 10:00', () => {
    expect(backAt(at('2026-11-30T22:30:00').opensAt!, sh('2026-11-30T22:30:00'), TZ)).toMatchObject({ time: '09:00', day: 'tomorrow', date: '2026-12-01' });
    // 2026-12-04 is a Friday.
    expect(at('2026-12-04T21:30:00')).toEqual({ open: false, opensAt: sh('2026-12-05T10:00:00') });
  });

  it('follows the weekend hours on a weekend afternoon', () => {
    expect(at('2026-12-05T15:00:00')).toEqual({ open: true, closesAt: sh('2026-12-05T18:00:00') });
    expect(at('2026-12-05T18:30:00')).toEqual({ open: false, opensAt: sh('2026-12-06T10:00:00') });
  });

  it('is closed all day on a holiday (2026-10-01 国庆) and reopens on the first day after the holidays', () => {
    // Holidays 10-01 (Thursday) to 10-07, the weekend among them: the next opening is Thursday 10-08 at 09:00.
    const national = at('2026-10-01T12:00:00');
    expect(national).toEqual({ open: false, opensAt: sh('2026-10-08T09:00:00') });
    expect(backAt(national.opensAt!, sh('2026-10-01T12:00:00'), TZ)).toMatchObject({ time: '09:00', day: 'date', weekday: 4, date: '2026-10-08' });
    expect(at('2026-10-03T15:00:00').open).toBe(false); // a Saturday inside the holidays
    expect(at('2026-10-08T09:00:00').open).toBe(true);
  });

  it('opens a 调休 Saturday on the weekday schedule (09:00–21:00, not 10:00–18:00)', () => {
    expect(at('2026-10-10T09:30:00')).toEqual({ open: true, closesAt: sh('2026-10-10T21:00:00') });
    expect(at('2026-10-10T08:00:00')).toEqual({ open: false, opensAt: sh('2026-10-10T09:00:00') });
    expect(at('2026-10-10T19:00:00').open).toBe(true);
    // An ordinary Saturday keeps the weekend hours.
    expect(at('2026-10-17T19:00:00').open).toBe(false);
  });

  it('uses a department\'s own week (with a lunch break) and the default for unknown departments', () => {
    expect(at('2026-11-30T12:30:00', 'billing')).toEqual({ open: false, opensAt: sh('2026-11-30T14:00:00') });
    expect(at('2026-11-30T12:30:00', 'sales').open).toBe(true);
    // billing has only Mondays: from Monday 17:00 the next opening is a week later.
    const next = at('2026-11-30T17:00:00', 'billing');
    expect(next).toEqual({ open: false, opensAt: sh('2026-12-07T10:00:00') });
    expect(backAt(next.opensAt!, sh('2026-11-30T17:00:00'), TZ)).toMatchObject({ day: 'date', date: '2026-12-07' });
    expect(backAt(sh('2026-12-03T10:00:00'), sh('2026-11-30T17:00:00'), TZ)).toMatchObject({ day: 'weekday', weekday: 4 });
  });

  it('does not depend on the process time zone: the same instant gives the same answer in another zone only through TZ', () => {
    // 2026-11-30 01:30 UTC is 09:30 in Shanghai but 2026-11-29 20:30 in New York (a Sunday, after 18:00).
    const instant = Date.UTC(2026, 10, 30, 1, 30);
    expect(availability(HOURS, undefined, instant, TZ).open).toBe(true);
    expect(availability(HOURS, undefined, instant, 'America/New_York')).toEqual({ open: false, opensAt: Date.UTC(2026, 10, 30, 14, 0) });
  });

  it('treats a range ending at 24:00 and the next starting at 00:00 as one stretch, and a week with no hours as never open', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const nonstop = v.parse(ServiceHoursSchema, { default: { mon: allDay, tue: allDay, wed: [{ from: '00:00', to: '12:00' }] } });
    expect(availability(nonstop, undefined, sh('2026-11-30T23:00:00'), TZ)).toEqual({ open: true, closesAt: sh('2026-12-02T12:00:00') });
    expect(availability(v.parse(ServiceHoursSchema, { default: {} }), undefined, sh('2026-11-30T12:00:00'), TZ)).toEqual({ open: false });
  });

  it('ships demo hours that validate, marked as demo, with 2027 holidays and 调休 Saturdays', () => {
    expect(v.parse(ServiceHoursSchema, DEMO_SERVICE_HOURS)).toEqual(DEMO_SERVICE_HOURS);
    expect(DEMO_SERVICE_HOURS.demo).toBe(true);
    // 2027-10-01 国庆 closed; 2027-10-09 (Saturday) worked 09:00–21:00.
    expect(availability(DEMO_SERVICE_HOURS, undefined, sh('2027-10-01T12:00:00'), TZ)).toEqual({ open: false, opensAt: sh('2027-10-08T09:00:00') });
    expect(availability(DEMO_SERVICE_HOURS, undefined, sh('2027-10-09T20:00:00'), TZ).open).toBe(true);
    for (const w of DEMO_SERVICE_HOURS.extraWorkdays) expect(new Date(`${w.date}T00:00:00Z`).getUTCDay()).toBe(6);
  });
});

describe('availability across daylight-saving changes (TZ with DST)', () => {
  const NY = 'America/New_York';
  const early = v.parse(ServiceHoursSchema, { default: { sun: [{ from: '02:30', to: '05:00' }] } });

  it('opens a range starting in the skipped hour right after the jump, and at the first of a repeated time', () => {
    // 2026-03-08: clocks jump 02:00 EST → 03:00 EDT; 02:30 does not exist, 03:30 EDT = 07:30 UTC.
    expect(availability(early, undefined, Date.UTC(2026, 2, 8, 5, 0), NY)).toEqual({ open: false, opensAt: Date.UTC(2026, 2, 8, 7, 30) });
    // 2026-11-01: clocks fall back 02:00 EDT → 01:00 EST; a 01:30 start is the first 01:30 (EDT, 05:30 UTC).
    const late = v.parse(ServiceHoursSchema, { default: { sun: [{ from: '01:30', to: '05:00' }] } });
    expect(availability(late, undefined, Date.UTC(2026, 10, 1, 4, 0), NY)).toEqual({ open: false, opensAt: Date.UTC(2026, 10, 1, 5, 30) });
    // …and it ends at 05:00 EST (10:00 UTC), four and a half hours later.
    expect(availability(late, undefined, Date.UTC(2026, 10, 1, 6, 0), NY)).toEqual({ open: true, closesAt: Date.UTC(2026, 10, 1, 10, 0) });
  });
});
