import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time.ts';

describe('formatTime', () => {
  const now = new Date(2026, 10, 22, 15, 30).getTime();

  it('shows only the time of day for today', () => {
    const at = new Date(2026, 10, 22, 9, 5).getTime();
    expect(formatTime('en', at, now)).toMatch(/09:05|9:05/);
    expect(formatTime('zh-CN', at, now)).toMatch(/09:05/);
    expect(formatTime('en', at, now)).not.toMatch(/11|22/);
  });

  it('adds the date for older messages', () => {
    const at = new Date(2026, 10, 20, 9, 5).getTime();
    expect(formatTime('zh-CN', at, now)).toMatch(/11.*20/);
    expect(formatTime('en', at, now)).toMatch(/11.*20/);
  });

  it('follows the language’s clock by default (12-hour in English), 24-hour when asked (the console)', () => {
    const afternoon = new Date(2026, 10, 22, 15, 5).getTime();
    expect(formatTime('en', afternoon, now)).toMatch(/03:05\s?PM/);
    expect(formatTime('en', afternoon, now, '24h')).toBe('15:05');
    expect(formatTime('zh-CN', afternoon, now, '24h')).toBe('15:05');
    expect(formatTime('en', new Date(2026, 10, 20, 15, 5).getTime(), now, '24h')).toMatch(/11.20.*15:05/);
  });
});
