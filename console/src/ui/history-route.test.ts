import { describe, expect, it } from 'vitest';
import { historyHref, historyIdFromHash, pageFromHash } from './hash-route.ts';
import { dayStart, historyExportHref } from './history-api.ts';

describe('历史 / History addresses', () => {
  it('opens the page from #/history, with one conversation from #/history/<id>', () => {
    expect(pageFromHash('#/history')).toBe('history');
    expect(historyIdFromHash('#/history')).toBeUndefined();
    const href = historyHref('6f1c2d3e-aaaa-bbbb-cccc-0123456789ab');
    expect(pageFromHash(href)).toBe('history');
    expect(historyIdFromHash(href)).toBe('6f1c2d3e-aaaa-bbbb-cccc-0123456789ab');
    // Anything else under #/history is not a conversation id.
    expect(pageFromHash('#/history/a b')).toBe('desk');
    expect(pageFromHash('#/historyx')).toBe('desk');
  });

  it('turns a picked day into the start of that local day, and the day after for "until"', () => {
    const from = dayStart('2026-11-30')!;
    expect(new Date(from)).toEqual(new Date(2026, 10, 30));
    expect(dayStart('2026-11-30', 1)! - from).toBe(new Date(2026, 11, 1).getTime() - new Date(2026, 10, 30).getTime());
    expect(dayStart('')).toBeUndefined();
    expect(dayStart('30/11/2026')).toBeUndefined();
  });

  it('exports what the search asked for, every page of it (no cursor), column names in the console language', () => {
    expect(historyExportHref({ visitor: '周晓雨', text: '', from: 1_764_460_800_000, agent: 'a1', cursor: '1_x' }, 'en')).toBe(
      '/api/conversations/history/export.csv?visitor=%E5%91%A8%E6%99%93%E9%9B%A8&from=1764460800000&agent=a1&lang=en',
    );
    expect(historyExportHref({}, 'zh-CN')).toBe('/api/conversations/history/export.csv?lang=zh-CN');
  });
});
