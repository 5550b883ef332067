import { describe, expect, it } from 'vitest';
import { markdownToPlain } from './markdown-to-plain.ts';

describe('markdownToPlain', () => {
  it('drops bold markers and spells out links', () => {
    expect(markdownToPlain('请拨打 **400-800-1234**，或访问 [帮助中心](https://example.com/help)。')).toBe(
      '请拨打 400-800-1234，或访问 帮助中心 (https://example.com/help)。',
    );
    expect(markdownToPlain('[mail us](mailto:help@example.com)')).toBe('mail us (help@example.com)');
  });

  it('keeps lists, line breaks and markup-looking text as text', () => {
    expect(markdownToPlain('- one\n- two\n\n<b>x</b>')).toBe('- one\n- two\n\n<b>x</b>');
  });
});
