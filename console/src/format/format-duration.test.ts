import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('says seconds under a minute, and minutes, hours or days above', () => {
    expect(formatDuration('zh-CN', 5_000)).toBe('5秒钟');
    expect(formatDuration('en', 45_400)).toBe('45 seconds');
    expect(formatDuration('en', 0)).toBe('0 seconds');
    expect(formatDuration('en', 59_600)).toBe('1 minute');
    expect(formatDuration('zh-CN', 3 * 60_000)).toBe('3分钟');
    expect(formatDuration('en', 5 * 3_600_000)).toBe('5 hours');
  });
});
