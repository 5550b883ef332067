import { describe, expect, it } from 'vitest';
import { dueSpan, formatDueAt, formatSpan } from './format-due.ts';

const MIN = 60_000;
const NOW = new Date(2026, 10, 30, 10, 0).getTime();

describe('due times', () => {
  it('reads a span in the largest unit that fits, in both languages', () => {
    expect(formatSpan('zh-CN', 25 * MIN)).toBe('25分钟');
    expect(formatSpan('en', 25 * MIN)).toBe('25 minutes');
    expect(formatSpan('en', 10_000)).toBe('1 minute');
    expect(formatSpan('zh-CN', 3 * 60 * MIN)).toBe('3小时');
    expect(formatSpan('en', 47 * 60 * MIN)).toBe('47 hours');
    expect(formatSpan('en', 3 * 24 * 60 * MIN)).toBe('3 days');
  });

  it('says whether it is overdue', () => {
    expect(dueSpan('zh-CN', NOW + 5 * MIN, NOW)).toEqual({ overdue: false, span: '5分钟' });
    expect(dueSpan('en', NOW - 90 * MIN, NOW)).toEqual({ overdue: true, span: '2 hours' });
  });

  it('gives the wall-clock time with the date, and the year only when it differs', () => {
    expect(formatDueAt('zh-CN', new Date(2026, 11, 2, 14, 30).getTime(), NOW)).toBe('12月2日 14:30');
    expect(formatDueAt('en', new Date(2026, 11, 2, 14, 30).getTime(), NOW)).toBe('Dec 2, 14:30');
    expect(formatDueAt('en', new Date(2027, 0, 4, 9, 5).getTime(), NOW)).toMatch(/Jan 4, 2027.*09:05/);
  });
});
