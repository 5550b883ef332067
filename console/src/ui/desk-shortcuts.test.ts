import { describe, expect, it } from 'vitest';
import { DESK_SHORTCUTS, deskAction, stepThrough } from './desk-shortcuts.ts';

const key = (k: Partial<KeyboardEvent>) => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, ...k });

describe('desk shortcuts', () => {
  it('reads Alt + letters by physical key, and ? only outside text fields', () => {
    expect(deskAction(key({ altKey: true, code: 'KeyA', key: 'å' }), true)).toBe('acceptNext');
    expect(deskAction(key({ altKey: true, code: 'ArrowDown' }), true)).toBe('next');
    expect(deskAction(key({ key: '?' }), false)).toBe('help');
    expect(deskAction(key({ key: '?' }), true)).toBeUndefined();
    expect(deskAction(key({ key: 'a', code: 'KeyA' }), false)).toBeUndefined();
    expect(deskAction(key({ altKey: true, ctrlKey: true, code: 'KeyA' }), false)).toBeUndefined();
  });

  it('lists every action it handles in the help dialog', () => {
    const handled = new Set(['acceptNext', 'next', 'previous', 'reply', 'queue', 'help']);
    expect(new Set(DESK_SHORTCUTS.map((s) => s.action))).toEqual(handled);
  });

  it('steps through the open conversations, wrapping around', () => {
    expect(stepThrough(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(stepThrough(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(stepThrough(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(stepThrough(['a', 'b'], undefined, 1)).toBe('a');
    expect(stepThrough([], 'a', 1)).toBeUndefined();
  });
});
