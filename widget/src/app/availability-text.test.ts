import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availabilityText } from './availability-text.ts';
import { translator } from './i18n.ts';

// The line is on the visitor's own clock: run these as a visitor in Shanghai (Node reads TZ when it changes).
const processZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});
const sh = (local: string): number => Date.parse(`${local}+08:00`);
const zh = translator('zh-CN');
const en = translator('en');
// Monday 2026-11-30, 22:00 in Shanghai.
const now = sh('2026-11-30T22:00:00');
const text = (opensAt: number | undefined, lang: 'zh-CN' | 'en' = 'zh-CN', at = now) =>
  availabilityText({ open: false, opensAt }, lang, lang === 'en' ? en : zh, at);

describe('the header line about human agents', () => {
  it('says agents are online during hours', () => {
    expect(availabilityText({ open: true }, 'zh-CN', zh, now)).toEqual({ open: true, text: '人工客服在线' });
    expect(availabilityText({ open: true }, 'en', en, now)).toEqual({ open: true, text: 'Agents online' });
  });

  it('gives the return time today, tomorrow, on a weekday or a date, in the visitor\'s clock', () => {
    expect(text(sh('2026-12-01T09:00:00'), 'zh-CN', sh('2026-12-01T07:00:00'))).toEqual({ open: false, text: '人工客服 09:00 上线' });
    expect(text(sh('2026-12-01T09:00:00'), 'en', sh('2026-12-01T07:00:00')).text).toBe('Agents are back at 09:00');
    expect(text(sh('2026-12-01T09:00:00')).text).toBe('人工客服 明天 09:00 上线');
    expect(text(sh('2026-12-01T09:00:00'), 'en').text).toBe('Agents are back tomorrow at 09:00');
    expect(text(sh('2026-12-03T10:00:00')).text).toBe('人工客服 星期四 10:00 上线');
    expect(text(sh('2026-12-03T10:00:00'), 'en').text).toBe('Agents are back Thursday at 10:00');
    expect(text(sh('2026-12-08T09:00:00')).text).toBe('人工客服 12月8日 09:00 上线');
    expect(text(sh('2026-12-08T09:00:00'), 'en').text).toBe('Agents are back Dec 8 at 09:00');
    // The same instant for a visitor in London: 01:00 their time, on their Tuesday.
    process.env.TZ = 'Europe/London';
    expect(availabilityText({ open: false, opensAt: sh('2026-12-01T09:00:00') }, 'en', en, now).text).toBe('Agents are back tomorrow at 01:00');
    process.env.TZ = 'Asia/Shanghai';
  });

  it('counts as online once the announced return has passed, and says away when no return is known', () => {
    expect(text(sh('2026-12-01T09:00:00'), 'zh-CN', sh('2026-12-01T09:00:00')).open).toBe(true);
    expect(text(undefined)).toEqual({ open: false, text: '人工客服暂不在线' });
    expect(text(undefined, 'en').text).toBe('Agents are away');
  });
});
