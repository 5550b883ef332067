import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps line breaks inside one', () => {
    expect(parseMarkdown('第一段\n第二行\n\n第二段')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '第一段' }, { type: 'break' }, { type: 'text', text: '第二行' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第二段' }] },
    ]);
  });

  it('turns "- " lines into one list, ending the paragraph before it', () => {
    expect(parseMarkdown('办理方式：\n- 电话\n- 在线\n之后的说明')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '办理方式：' }] },
      { type: 'list', items: [[{ type: 'text', text: '电话' }], [{ type: 'text', text: '在线' }]] },
      { type: 'paragraph', children: [{ type: 'text', text: '之后的说明' }] },
    ]);
  });

  it('parses bold and safe links, also inside list items', () => {
    expect(parseMarkdown('- 热线 **400-XXX** [拨打](tel:400123)')).toEqual([
      {
        type: 'list',
        items: [
          [
            { type: 'text', text: '热线 ' },
            { type: 'bold', children: [{ type: 'text', text: '400-XXX' }] },
            { type: 'text', text: ' ' },
            { type: 'link', href: 'tel:400123', children: [{ type: 'text', text: '拨打' }] },
          ],
        ],
      },
    ]);
  });
});

describe('parseInline', () => {
  it('keeps https, http and mailto links', () => {
    for (const href of ['https://example.com/a?b=1', 'http://example.com', 'mailto:help@example.com']) {
      expect(parseInline(`[x](${href})`)).toEqual([{ type: 'link', href, children: [{ type: 'text', text: 'x' }] }]);
    }
  });

  it('drops javascript: and data: targets, keeping the link text only', () => {
    expect(parseInline('点[这里](javascript:alert(1))')).toEqual([{ type: 'text', text: '点这里)' }]);
    expect(parseInline('[img](data:text/html;base64,xx)')).toEqual([{ type: 'text', text: 'img' }]);
  });

  it('leaves HTML as plain text for the renderer to escape', () => {
    expect(parseInline('<img src=x onerror=alert(1)> **<b>**')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)> ' },
      { type: 'bold', children: [{ type: 'text', text: '<b>' }] },
    ]);
  });

  it('treats an unclosed ** as text', () => {
    expect(parseInline('a ** b')).toEqual([{ type: 'text', text: 'a ** b' }]);
  });
});
