/** At risk at 80 %, breached at 100 %, escalated at 150 % of the promise or after three reopens; waits do not count. */
import { describe, expect, it } from 'vitest';
import { clockStatus, shouldEscalate } from './clock-status.ts';
import { dueTimes } from './due-times.ts';
import { DEFAULT_SLA_POLICY as POLICY } from './sla-policy.ts';
import { workingCalendar } from './working-days.ts';

const TZ = 'Asia/Shanghai';
const sh = (local: string): number => Date.parse(`${local}+08:00`);
const CAL = workingCalendar({ holidays: [], extraWorkdays: [] }, TZ);
const T = POLICY.thresholds;
const response = dueTimes(POLICY, { kind: 'fault', tier: 'urgent', plan: 'enterprise' }, sh('2026-11-30T10:00'), CAL).response;

describe('clockStatus of a 15-minute response clock started at 10:00', () => {
  it('is fine at 10:11, at risk from 10:12, breached from 10:15, escalated from 10:22:30', () => {
    const at = (local: string) => clockStatus(response, [], sh(local), CAL, T);
    expect(at('2026-11-30T10:11')).toMatchObject({ atRisk: false, breached: false, escalate: false, remainingMs: 4 * 60_000 });
    expect(at('2026-11-30T10:12')).toMatchObject({ used: 0.8, atRisk: true, breached: false });
    expect(at('2026-11-30T10:15')).toMatchObject({ used: 1, remainingMs: 0, atRisk: true, breached: true, escalate: false });
    expect(at('2026-11-30T10:22:29')).toMatchObject({ breached: true, escalate: false });
    expect(at('2026-11-30T10:22:30')).toMatchObject({ used: 1.5, escalate: true, remainingMs: -7.5 * 60_000 });
  });

  it('does not count a wait on the customer', () => {
    const pauses = [{ from: sh('2026-11-30T10:05'), to: sh('2026-11-30T10:35') }];
    const during = clockStatus(response, pauses, sh('2026-11-30T10:20'), CAL, T);
    expect(during).toMatchObject({ paused: true, usedMs: 5 * 60_000, atRisk: false });
    const after = clockStatus(response, pauses, sh('2026-11-30T10:40'), CAL, T);
    expect(after).toMatchObject({ paused: false, usedMs: 10 * 60_000, atRisk: false });
    expect(clockStatus(response, pauses, sh('2026-11-30T10:45'), CAL, T).breached).toBe(true);
  });

  it('a working-day clock uses nothing over the weekend', () => {
    const fix = dueTimes(POLICY, { kind: 'fault', tier: 'severe', plan: 'basic' }, sh('2026-11-27T20:00'), CAL).fix;
    const saturday = clockStatus(fix, [], sh('2026-11-28T12:00'), CAL, T);
    const monday = clockStatus(fix, [], sh('2026-11-30T00:00'), CAL, T);
    expect(saturday.usedMs).toBe(4 * 3_600_000);
    expect(monday.usedMs).toBe(saturday.usedMs);
    expect(clockStatus(fix, [], fix.dueAt!, CAL, T)).toMatchObject({ used: 1, breached: true });
  });
});

describe('shouldEscalate', () => {
  it('after three reopens, or when any clock is past 150 %', () => {
    expect(shouldEscalate(3, [], T)).toBe(true);
    expect(shouldEscalate(2, [{ escalate: false }], T)).toBe(false);
    expect(shouldEscalate(0, [{ escalate: false }, { escalate: true }], T)).toBe(true);
  });
});
