import { describe, expect, it } from 'vitest';
import { formatWaiting } from './format-waiting.ts';

const at = 1_700_000_000_000;

describe('formatWaiting', () => {
  it('shows m:ss under an hour', () => {
    expect(formatWaiting(at, at)).toBe('0:00');
    expect(formatWaiting(at, at + 9_999)).toBe('0:09');
    expect(formatWaiting(at, at + 125_000)).toBe('2:05');
    expect(formatWaiting(at, at + 3_599_000)).toBe('59:59');
  });

  it('shows h:mm:ss from an hour on', () => {
    expect(formatWaiting(at, at + 3_600_000)).toBe('1:00:00');
    expect(formatWaiting(at, at + 3_600_000 * 2 + 61_000)).toBe('2:01:01');
  });

  it('reads 0:00 when the server clock is ahead', () => {
    expect(formatWaiting(at + 5_000, at)).toBe('0:00');
  });
});
