import { describe, expect, it } from 'vitest';
import { insertSuggestion, moveActive, slashQueryAt, suggestionIndex, type Suggestion } from './canned-replies-search.ts';

const ITEMS: Suggestion[] = [
  { key: 'reply:1', kind: 'team', shortcut: 'hi', title: '问候', text: '您好，我是客服，请问有什么可以帮您？' },
  { key: 'reply:2', kind: 'team', shortcut: 'wait', title: '感谢等待', text: '感谢您的耐心等待。' },
  { key: 'reply:3', kind: 'personal', title: '索要订单号', text: '请提供您的订单号，我帮您查询。' },
  { key: 'kb:hours', kind: 'kb', title: 'What are your service hours?', text: 'Agents work weekdays 9:00–18:00.' },
];

describe('canned-reply picker', () => {
  it('finds the /query before the caret only at the start or after whitespace', () => {
    expect(slashQueryAt('/感谢', 3)).toEqual({ start: 0, end: 3, query: '感谢' });
    expect(slashQueryAt('好的 /wa', 6)).toEqual({ start: 3, end: 6, query: 'wa' });
    expect(slashQueryAt('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    // A URL or a date is not a command.
    expect(slashQueryAt('见 https://x.test/a', 18)).toBeUndefined();
    expect(slashQueryAt('2026/11', 7)).toBeUndefined();
    // Once a space follows the word, the picker is done with it.
    expect(slashQueryAt('/hi there', 9)).toBeUndefined();
  });

  it('searches shortcut, title and text fuzzily, and lists everything for a bare /', () => {
    const search = suggestionIndex(ITEMS);
    expect(search('感谢')[0]?.key).toBe('reply:2');
    expect(search('订单')[0]?.key).toBe('reply:3');
    expect(search('hi')[0]?.key).toBe('reply:1');
    expect(search('hours')[0]?.key).toBe('kb:hours');
    expect(search('servcie hours')[0]?.key).toBe('kb:hours');
    expect(search('')).toHaveLength(ITEMS.length);
    expect(search('退货流程')).toEqual([]);
  });

  it('replaces the /query with the reply and puts the caret after it', () => {
    const at = slashQueryAt('好的 /感谢 谢谢', 6)!;
    expect(insertSuggestion('好的 /感谢 谢谢', at, '感谢您的耐心等待。')).toEqual({ text: '好的 感谢您的耐心等待。 谢谢', caret: 12 });
  });

  it('moves the highlight around both ends', () => {
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, 1, 0)).toBe(0);
  });
});
