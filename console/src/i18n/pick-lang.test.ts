import { describe, expect, it } from 'vitest';
import { pickLang } from './pick-lang.ts';

describe('pickLang', () => {
  it('prefers the remembered choice', () => {
    expect(pickLang('en', ['zh-CN'])).toBe('en');
    expect(pickLang('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('falls back to the browser language, then to zh-CN', () => {
    expect(pickLang(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLang(null, ['en-GB'])).toBe('en');
    expect(pickLang('fr', ['de-DE'])).toBe('en');
    expect(pickLang(null, [])).toBe('zh-CN');
  });
});
