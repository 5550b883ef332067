import { describe, expect, it } from 'vitest';
import { formatShare } from './format-share.ts';

describe('formatShare', () => {
  it('rounds to a whole percentage, and has none of nothing', () => {
    expect(formatShare(19, 20)).toBe('95%');
    expect(formatShare(0.8, 1)).toBe('80%');
    expect(formatShare(1, 3)).toBe('33%');
    expect(formatShare(0, 0)).toBeNull();
  });
});
