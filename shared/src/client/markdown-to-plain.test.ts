import { describe, expect, it } from 'vitest';
import { markdownToPlain } from './markdown-to-plain.ts';

describe('markdownToPlain', () => {
  it('drops bold markers and spells out links', () => {
    expect(markdownToPlain('请拨打 **400-800-1234**，或访问 [帮助中心](https://example.com/help)。')).toBe(
      '请拨打 400-800-1234，或访问 帮助中心 (https://example.com/help)。',
    );
    expect(markdownToPlain('[mail us](mailto:help@example.com)')).toBe('mail us (help@example.com)');
  });

  it('spells out any target, relative ones too, and reads markup inside a link or bold', () => {
    expect(markdownToPlain('- [联系在线客服](/aftersale/ai)')).toBe('- 联系在线客服 (/aftersale/ai)');
    expect(markdownToPlain('[**帮助**](https://example.com) **[拨打](tel:400123)**')).toBe('帮助 (https://example.com) 拨打 (400123)');
    expect(markdownToPlain('[https://example.com](https://example.com)')).toBe('https://example.com');
  });

  it('keeps lists, line breaks and markup-looking text as text', () => {
    expect(markdownToPlain('- one\n- two\n\n<b>x</b>')).toBe('- one\n- two\n\n<b>x</b>');
  });
});
