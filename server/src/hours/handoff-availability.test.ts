import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.ts';
import { KefuError } from '../kefu-error.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../storage/storage.ts';
import { backAtPhrase } from './back-at.ts';
import { DEMO_SERVICE_HOURS } from './demo-service-hours.ts';
import { departmentAvailability, handoffAvailability, visitorAvailability } from './handoff-availability.ts';
import { readServiceHours, SERVICE_HOURS_KEY, writeServiceHours } from './service-hours-store.ts';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const dir = mkdtempSync(join(tmpdir(), 'kefu-hours-'));
let n = 0;
const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

function context(timeZone = 'Asia/Shanghai') {
  const storage = openSqliteStorage(join(dir, `db-${n++}.sqlite`));
  opened.push(storage);
  return { storage, config: resolveConfig({ timeZone }) };
}

describe('service hours in the settings table', () => {
  it('writes the demo hours on first read, and keeps what an admin stored instead', async () => {
    const ctx = context();
    expect(await ctx.storage.getSetting(SERVICE_HOURS_KEY)).toBeUndefined();
    expect(await readServiceHours(ctx.storage)).toEqual(DEMO_SERVICE_HOURS);
    expect(JSON.parse((await ctx.storage.getSetting(SERVICE_HOURS_KEY))!)).toEqual(DEMO_SERVICE_HOURS);

    const custom = { default: { sat: [{ from: '08:00', to: '12:00' }] } };
    const stored = await writeServiceHours(ctx.storage, custom);
    expect(stored).toMatchObject({ default: { sat: [{ from: '08:00', to: '12:00' }], mon: [] }, holidays: [], extraWorkdays: [] });
    expect(await readServiceHours(ctx.storage)).toEqual(stored);
  });

  it('refuses bad hours with bad_request naming the field, and changes nothing', async () => {
    const ctx = context();
    const before = await readServiceHours(ctx.storage);
    const bad = async (input: unknown): Promise<string> => {
      const err = await writeServiceHours(ctx.storage, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KefuError);
      expect((err as KefuError).code).toBe('bad_request');
      return (err as KefuError).message;
    };
    expect(await bad({ default: { mon: [{ from: '21:00', to: '09:00' }] } })).toMatch(/^default\.mon\.0: .*end after it starts/);
    expect(await bad({ default: { mon: [{ from: '9:00', to: '21:00' }] } })).toMatch(/default\.mon\.0\.from: times are HH:MM/);
    expect(await bad({ default: { mon: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }] } })).toMatch(/overlap/);
    expect(await bad({ default: {}, holidays: [{ date: '2027-02-30' }] })).toMatch(/holidays\.0\.date: not a calendar date/);
    expect(await bad({ default: {}, holidays: [{ date: '2027-02-20' }], extraWorkdays: [{ date: '2027-02-20' }] })).toMatch(/both a holiday and an extra working day/);
    expect(await bad({ default: {}, departments: { 'Bad Key': {} } })).toMatch(/department key/);
    expect(await bad([])).toMatch(/object/);
    expect(await readServiceHours(ctx.storage)).toEqual(before);
    expect(JSON.parse((await ctx.storage.getSetting(SERVICE_HOURS_KEY))!)).toEqual(before);
  });

  it('treats a stored value that no longer validates as open at all hours, and says so', async () => {
    const ctx = context();
    await ctx.storage.setSetting(SERVICE_HOURS_KEY, '{"default": {"mon": "nine to five"}}');
    const warnings: string[] = [];
    const a = await handoffAvailability({ ...ctx, log: { warn: (m: string) => warnings.push(m) } }, undefined, sh('2026-11-29T03:00:00'));
    expect(a).toMatchObject({ action: 'queue' });
    expect(warnings[0]).toMatch(/stored service hours are invalid/);
  });
});

describe('handoffAvailability', () => {
  it('queues inside hours, with the time the hours end', async () => {
    const ctx = context();
    expect(await handoffAvailability(ctx, undefined, sh('2026-11-30T10:00:00'))).toEqual({ action: 'queue', closesAt: sh('2026-11-30T21:00:00') });
  });

  it('outside hours says when humans are back and offers to leave a message, in the visitor\'s language', async () => {
    const ctx = context();
    const zh = await handoffAvailability(ctx, undefined, sh('2026-11-30T21:00:00'), 'zh-CN');
    expect(zh).toMatchObject({ action: 'leave_message', opensAt: sh('2026-12-01T09:00:00'), backAt: { time: '09:00', day: 'tomorrow' } });
    expect(zh.action === 'leave_message' && zh.text).toBe('现在是人工客服的非工作时间，人工客服将于明天 09:00 上线。您可以留言，我们上线后会尽快回复您。');
    const en = await handoffAvailability(ctx, undefined, sh('2026-11-30T21:00:00'), 'en');
    expect(en.action === 'leave_message' && en.text).toMatch(/^Our agents are away right now and will be back tomorrow at 09:00\. You can leave a message/);
    // Early morning: back today.
    const early = await handoffAvailability(ctx, undefined, sh('2026-12-01T07:15:00'), 'en');
    expect(early.action === 'leave_message' && early.text).toContain('back today at 09:00');
  });

  it('over the demo 国庆 holidays names the date humans return', async () => {
    const ctx = context();
    const a = await handoffAvailability(ctx, undefined, sh('2027-10-01T11:00:00'), 'zh-CN');
    expect(a).toMatchObject({ action: 'leave_message', backAt: { day: 'date', date: '2027-10-08' } });
    expect(a.action === 'leave_message' && a.text).toContain('将于10月8日 09:00 上线');
  });

  it('uses the department\'s own week, and has no return time when nothing is ever open', async () => {
    const ctx = context();
    await writeServiceHours(ctx.storage, { default: { mon: [{ from: '09:00', to: '18:00' }] }, departments: { night: {} } });
    expect(await handoffAvailability(ctx, undefined, sh('2026-11-30T10:00:00'))).toMatchObject({ action: 'queue' });
    const night = await handoffAvailability(ctx, 'night', sh('2026-11-30T10:00:00'), 'en');
    expect(night).toEqual({ action: 'leave_message', text: 'Our agents are away right now. You can leave a message and we will reply as soon as we can.' });
  });

  it('reads the hours in the configured TZ, not the process zone', async () => {
    const ctx = context('Europe/London');
    // 10:00 in Shanghai is 02:00 in London: closed there, back at 09:00 London time.
    const a = await handoffAvailability(ctx, undefined, sh('2026-11-30T10:00:00'), 'en');
    expect(a).toMatchObject({ action: 'leave_message', opensAt: Date.UTC(2026, 10, 30, 9, 0), backAt: { time: '09:00', day: 'today' } });
  });
});

describe('visitorAvailability (the hello field)', () => {
  it('is open during hours and gives the opening instant outside them', async () => {
    const ctx = context();
    expect(await visitorAvailability(ctx, undefined, sh('2026-12-05T15:00:00'))).toEqual({ open: true });
    expect(await visitorAvailability(ctx, undefined, sh('2026-12-05T18:00:00'))).toEqual({ open: false, opensAt: sh('2026-12-06T10:00:00') });
    // The full answer also says when the hours end.
    expect(await departmentAvailability(ctx, undefined, sh('2026-12-05T15:00:00'))).toEqual({ open: true, closesAt: sh('2026-12-05T18:00:00') });
  });
});

describe('backAtPhrase', () => {
  it('names today, tomorrow, a weekday or a date in zh-CN and en', () => {
    const b = { time: '09:00', weekday: 1, date: '2027-10-08' } as const;
    expect(backAtPhrase({ ...b, day: 'today' }, 'zh-CN')).toBe('今天 09:00');
    expect(backAtPhrase({ ...b, day: 'tomorrow' }, 'en')).toBe('tomorrow at 09:00');
    expect(backAtPhrase({ ...b, day: 'weekday' }, 'zh-CN')).toBe('周一 09:00');
    expect(backAtPhrase({ ...b, day: 'weekday' }, 'en')).toBe('on Monday at 09:00');
    expect(backAtPhrase({ ...b, day: 'date' }, 'zh-CN')).toBe('10月8日 09:00');
    expect(backAtPhrase({ ...b, day: 'date' }, 'en')).toBe('on 8 October at 09:00');
  });
});
