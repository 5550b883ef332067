import { describe, expect, it } from 'vitest';
import { format, STRINGS, translator } from './i18n.ts';

describe('i18n tables', () => {
  it('has the same keys, all non-empty, in zh-CN and English', () => {
    const zh = Object.keys(STRINGS['zh-CN']).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(zh);
    for (const table of Object.values(STRINGS)) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(STRINGS['zh-CN']) as (keyof (typeof STRINGS)['en'])[])
      expect(placeholders(STRINGS.en[key]), key).toEqual(placeholders(STRINGS['zh-CN'][key]));
  });

  it('names the controls the way the browser tests look for them', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang);
      expect(t('dialog')).toMatch(/客服|chat|support/i);
      expect(t('input')).toMatch(/输入|消息|message|type/i);
      expect(t('send')).toMatch(/发送|send/i);
      expect(t('human')).toMatch(/转人工|人工客服|human|agent/i);
      expect(t('star', { n: 4 })).toMatch(/4.*(星|star)/i);
      // Other controls must not be mistaken for the message box or the send button.
      expect(t('comment')).not.toMatch(/输入|消息|message|type/i);
      expect(t('submitRating')).not.toMatch(/发送|send/i);
      expect(t('close')).not.toMatch(/客服|咨询|chat|help/i);
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('第 {n} 位，{x}', { n: 3 })).toBe('第 3 位，{x}');
    expect(translator('en')('assigned', { name: 'Li' })).toBe('Li is now helping you');
  });
});
