import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv.ts';

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text and numbers bare', () => {
    expect(csvRecord(['张三', 4, 'a,b', 'say "hi"', 'two\nlines', undefined])).toBe('张三,4,"a,b","say ""hi""","two\nlines",\r\n');
  });

  it('keeps what a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`)).toBe(`'${start}1`);
    expect(csvField(-1)).toBe('-1');
  });
});
