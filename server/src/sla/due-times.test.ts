/** Due times on fixed instants in Asia/Shanghai, against a 2026 calendar with 国庆 1–7 Oct and its 调休 days. */
import { describe, expect, it } from 'vitest';
import { ServiceHoursSchema, v } from '@kefu/shared';
import { KefuError } from '../kefu-error.ts';
import { dueTimes, faultResponse } from './due-times.ts';
import { DEFAULT_SLA_POLICY as POLICY } from './sla-policy.ts';
import { workingCalendar } from './working-days.ts';

const TZ = 'Asia/Shanghai';
/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const sh = (local: string): number => Date.parse(`${local}+08:00`);
const MIN = 60_000;

const open = [{ from: '09:00', to: '21:00' }];
const weekend = [{ from: '10:00', to: '18:00' }];
// The weekend is open for chat: working days must not follow the opening hours.
const HOURS = v.parse(ServiceHoursSchema, {
  default: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: weekend, sun: weekend },
  holidays: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, name: '国庆节' })),
  // 2026-09-20 is a Sunday and 2026-10-10 a Saturday, both worked (调休).
  extraWorkdays: [
    { date: '2026-09-20', name: '国庆节调休' },
    { date: '2026-10-10', name: '国庆节调休' },
  ],
});
const CAL = workingCalendar(HOURS, TZ);
/** The same weeks without holidays or 调休. */
const PLAIN = workingCalendar({ holidays: [], extraWorkdays: [] }, TZ);

describe('fault clocks', () => {
  it('a 严重 fault on Friday evening is to be fixed by Wednesday evening (3 working days skip the weekend)', () => {
    // 2026-11-27 is a Friday.
    const due = dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'basic' }, sh('2026-11-27T20:00'), CAL);
    expect(due.response.dueAt).toBe(sh('2026-11-27T20:30'));
    expect(due.diagnosis.dueAt).toBe(sh('2026-11-27T22:00'));
    // Hour promises run around the clock, through the night and the weekend.
    expect(due.solution.dueAt).toBe(sh('2026-11-28T04:00'));
    expect(due.fix.dueAt).toBe(sh('2026-12-02T20:00'));
    expect(due.fix.basis).toBe('workingDays');
  });

  it('a 紧急 fault runs every clock in hours, weekend or not', () => {
    const due = dueTimes(POLICY, { kind: 'fault', tier: 'urgent', plan: 'free' }, sh('2026-11-28T23:00'), CAL);
    expect([due.response.dueAt, due.diagnosis.dueAt, due.solution.dueAt, due.fix.dueAt]).toEqual([
      sh('2026-11-28T23:15'),
      sh('2026-11-29T00:00'),
      sh('2026-11-29T03:00'),
      sh('2026-11-29T23:00'),
    ]);
  });

  it('skips the 国庆 holiday: a 严重 fix started on 29 Sep is due on 9 Oct, not 2 Oct', () => {
    const started = sh('2026-09-29T20:00');
    expect(dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'basic' }, started, CAL).fix.dueAt).toBe(sh('2026-10-09T20:00'));
    expect(dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'basic' }, started, PLAIN).fix.dueAt).toBe(sh('2026-10-02T20:00'));
  });

  it('counts a 调休 Saturday and a 调休 Sunday as working days', () => {
    const fromFriday = (local: string, cal = CAL) => dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'free' }, sh(local), cal).fix.dueAt;
    // Fri 9 Oct 20:00: Fri 4 h, Sat 10 Oct (worked) 24 h, Mon 24 h, Tue 20 h.
    expect(fromFriday('2026-10-09T20:00')).toBe(sh('2026-10-13T20:00'));
    expect(fromFriday('2026-10-09T20:00', PLAIN)).toBe(sh('2026-10-14T20:00'));
    // Fri 18 Sep 20:00: Sun 20 Sep is worked.
    expect(fromFriday('2026-09-18T20:00')).toBe(sh('2026-09-22T20:00'));
  });

  it('a fault opened on a holiday starts its working-day clocks on the next working day', () => {
    const due = dueTimes(POLICY, { kind: 'fault', tier: 'normal', plan: 'basic' }, sh('2026-10-03T10:00'), CAL);
    // 8, 9 and 10 Oct: due at the end of the 10th.
    expect(due.solution.dueAt).toBe(sh('2026-10-11T00:00'));
    expect(due.diagnosis.dueAt).toBe(sh('2026-10-04T10:00'));
  });

  it('a wait on the customer pushes the due time back by the time it took', () => {
    const started = sh('2026-11-30T10:00');
    const subject = { kind: 'fault', tier: 'urgent', plan: 'enterprise' } as const;
    expect(dueTimes(POLICY, subject, started, CAL).response.dueAt).toBe(sh('2026-11-30T10:15'));
    const paused = dueTimes(POLICY, subject, started, CAL, [{ from: sh('2026-11-30T10:05'), to: sh('2026-11-30T10:35') }]);
    expect(paused.response.dueAt).toBe(sh('2026-11-30T10:45'));
    expect(paused.fix.dueAt).toBe(sh('2026-12-01T10:30'));
    // Still waiting: nobody can say when the clock will run out.
    expect(dueTimes(POLICY, subject, started, CAL, [{ from: sh('2026-11-30T10:05') }]).response.dueAt).toBeUndefined();
  });

  it('a wait on a working-day clock only takes back working-day time', () => {
    const severe = (pauses: { from: number; to: number }[]) =>
      dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'basic' }, sh('2026-11-27T20:00'), CAL, pauses).fix.dueAt;
    // Waiting over the weekend only costs nothing.
    expect(severe([{ from: sh('2026-11-28T10:00'), to: sh('2026-11-29T20:00') }])).toBe(sh('2026-12-02T20:00'));
    // Fri 21:00 to Mon 10:00: 3 h of Friday and 10 h of Monday are taken back.
    expect(severe([{ from: sh('2026-11-27T21:00'), to: sh('2026-11-30T10:00') }])).toBe(sh('2026-12-03T09:00'));
    // Overlapping and unordered waits count once.
    expect(
      severe([
        { from: sh('2026-11-30T08:00'), to: sh('2026-11-30T10:00') },
        { from: sh('2026-11-27T21:00'), to: sh('2026-11-30T09:00') },
      ]),
    ).toBe(sh('2026-12-03T09:00'));
  });
});

describe('the response clock: the stricter of tier and plan, halved by priority support', () => {
  const response = (tier: 'urgent' | 'severe' | 'normal', plan: 'free' | 'basic' | 'professional' | 'enterprise', priority?: boolean) => {
    const started = sh('2026-11-30T10:00');
    return (dueTimes(POLICY, { kind: 'fault', tier, plan, priority }, started, CAL).response.dueAt! - started) / MIN;
  };

  it('takes the shorter promise', () => {
    expect(response('normal', 'free')).toBe(120);
    expect(response('normal', 'basic')).toBe(120);
    expect(response('normal', 'professional')).toBe(30);
    expect(response('normal', 'enterprise')).toBe(15);
    expect(response('severe', 'free')).toBe(30);
    expect(response('urgent', 'free')).toBe(15);
  });

  it('priority support halves it', () => {
    expect(response('normal', 'basic', true)).toBe(60);
    expect(response('severe', 'professional', true)).toBe(15);
    expect(response('urgent', 'enterprise', true)).toBe(7.5);
    expect(faultResponse(POLICY, 'normal', 'free', true)).toEqual({ amount: 60, unit: 'minutes' });
  });

  it('leaves the other clocks alone', () => {
    const plain = dueTimes(POLICY, { kind: 'fault', tier: 'normal', plan: 'basic' }, sh('2026-11-30T10:00'), CAL);
    const priority = dueTimes(POLICY, { kind: 'fault', tier: 'normal', plan: 'basic', priority: true }, sh('2026-11-30T10:00'), CAL);
    expect(priority.diagnosis).toEqual(plain.diagnosis);
    expect(priority.fix).toEqual(plain.fix);
  });

  it('refuses an unknown tier or plan with a coded error', () => {
    const bad = { kind: 'fault', tier: 'critical', plan: 'basic' } as unknown as { kind: 'fault'; tier: 'urgent'; plan: 'basic' };
    expect(() => dueTimes(POLICY, bad, 0, CAL)).toThrow(KefuError);
    expect(() => dueTimes(POLICY, { ...bad, tier: 'urgent', plan: 'gold' as 'basic' }, 0, CAL)).toThrow(/unknown plan/);
  });
});

describe('complaint and suggestion timelines', () => {
  it('a complaint received on Monday 28 Sep: response in 24 h, then 1, 3–5 and 7–10 working days around 国庆', () => {
    const due = dueTimes(POLICY, { kind: 'complaint' }, sh('2026-09-28T09:00'), CAL);
    expect(due.response.dueAt).toBe(sh('2026-09-29T09:00'));
    expect(due.acceptance.dueAt).toBe(sh('2026-09-29T09:00'));
    expect(due.investigation.targetAt).toBe(sh('2026-10-08T09:00'));
    expect(due.investigation.dueAt).toBe(sh('2026-10-10T09:00'));
    expect(due.reply.targetAt).toBe(sh('2026-10-13T09:00'));
    expect(due.reply.dueAt).toBe(sh('2026-10-16T09:00'));
  });

  it('a complaint about a 紧急 or 严重 fault is first answered as fast as that fault (15 / 30 min); a 一般 one within 24 h', () => {
    const at = sh('2026-11-30T10:00');
    expect(dueTimes(POLICY, { kind: 'complaint', tier: 'urgent' }, at, CAL).response.dueAt).toBe(sh('2026-11-30T10:15'));
    expect(dueTimes(POLICY, { kind: 'complaint', tier: 'severe' }, at, CAL).response.dueAt).toBe(sh('2026-11-30T10:30'));
    expect(dueTimes(POLICY, { kind: 'complaint', tier: 'normal' }, at, CAL).response.dueAt).toBe(sh('2026-12-01T10:00'));
    // The later steps of the complaint process do not depend on the tier.
    expect(dueTimes(POLICY, { kind: 'complaint', tier: 'urgent' }, at, CAL).acceptance.dueAt).toBe(sh('2026-12-01T10:00'));
  });

  it('a complaint received on Friday afternoon is accepted by Monday afternoon', () => {
    const due = dueTimes(POLICY, { kind: 'complaint' }, sh('2026-11-27T17:00'), CAL);
    expect(due.response.dueAt).toBe(sh('2026-11-28T17:00'));
    expect(due.acceptance.dueAt).toBe(sh('2026-11-30T17:00'));
  });

  it('a suggestion received on Monday 30 Nov: accepted in 1, evaluated in 3–5, answered in 7–10 working days', () => {
    const due = dueTimes(POLICY, { kind: 'suggestion' }, sh('2026-11-30T09:00'), CAL);
    expect(Object.keys(due)).toEqual(['acceptance', 'evaluation', 'reply']);
    expect(due.acceptance.dueAt).toBe(sh('2026-12-01T09:00'));
    expect(due.evaluation.targetAt).toBe(sh('2026-12-03T09:00'));
    expect(due.evaluation.dueAt).toBe(sh('2026-12-07T09:00'));
    expect(due.reply.targetAt).toBe(sh('2026-12-09T09:00'));
    expect(due.reply.dueAt).toBe(sh('2026-12-14T09:00'));
  });
});
