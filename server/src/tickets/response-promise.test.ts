import { describe, expect, it } from 'vitest';
import { responsePromiseText, spanText } from './response-promise.ts';

const clock = (name: 'response' | 'acceptance', basis: 'elapsed' | 'workingDays', promisedMs: number) => ({ clock: name, startedAt: 0, basis, promisedMs, state: 'ok' as const });

describe('responsePromiseText', () => {
  it('names the response promise in both languages', () => {
    expect(responsePromiseText({ clocks: [clock('response', 'elapsed', 15 * 60_000)] }, 'zh-CN')).toBe('15 分钟内响应');
    expect(responsePromiseText({ clocks: [clock('response', 'elapsed', 15 * 60_000)] }, 'en')).toBe('a response within 15 minutes');
    expect(responsePromiseText({ clocks: [clock('response', 'elapsed', 2 * 3_600_000)] }, 'zh-CN')).toBe('2 小时内响应');
    expect(responsePromiseText({ clocks: [clock('response', 'elapsed', 24 * 3_600_000)] }, 'en')).toBe('a response within 24 hours');
    expect(responsePromiseText({ clocks: [clock('acceptance', 'workingDays', 86_400_000)] }, 'zh-CN')).toBe('1 个工作日内受理');
    expect(responsePromiseText({ clocks: [] }, 'en')).toBeUndefined();
  });

  it('keeps a span that is not whole hours in minutes', () => {
    expect(spanText({ basis: 'elapsed', promisedMs: 90 * 60_000 }, 'en')).toBe('90 minutes');
    expect(spanText({ basis: 'elapsed', promisedMs: 60_000 }, 'en')).toBe('1 minute');
  });
});
