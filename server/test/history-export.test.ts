/**
 * The history export pages through every match along the search's keyset cursor, newest closed first, and stops at
 * its cap saying so; times are written in the server's time zone. A real SQLite file; the export is asked with tiny
 * batches so a few conversations take several of them.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../src/index.ts';
import { historyCsv } from '../src/http/history-export.ts';
import { tempDir } from './support/test-server.ts';

describe('history export', () => {
  const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
  const ctx = { storage, config: { timeZone: 'Asia/Shanghai' } } as Parameters<typeof historyCsv>[0];
  afterAll(() => storage.close());
  // 2026-11-30 00:00 UTC is 08:00 in Shanghai.
  const base = Date.UTC(2026, 10, 30);

  async function closed(name: string, minutes: number, question: string): Promise<string> {
    const visitor = await storage.createVisitor({ siteKey: 'demo', name, now: base });
    const c = await storage.createConversation({ siteKey: 'demo', visitorId: visitor.id, lang: 'zh-CN', now: base });
    await storage.appendMessage({ conversationId: c.id, author: 'visitor', text: question, createdAt: base + 1 });
    const at = base + minutes * 60_000;
    await storage.updateConversation(c.id, { state: 'closed', closedAt: at }, at);
    return c.id;
  }

  it('writes every match across batches, newest first, and says when the cap cut it short', async () => {
    await storage.upsertSite({ key: 'demo', name: 'Demo', allowedOrigins: [] });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await closed(`访客${i}`, i, i === 3 ? '=1+1 退款' : `问题${i}`));
    const all = await historyCsv(ctx, {}, { batch: 2, max: 100 });
    const lines = all.csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF会话编号,访客,邮箱,用户ID,身份已验证,客服,部门,语言,开始时间 (Asia/Shanghai),结束时间 (Asia/Shanghai),首个问题,评分,评价意见,上一次会话');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...ids].reverse());
    expect(all).toMatchObject({ rows: 5, truncated: false });
    // The third one closed at 08:03 Shanghai time; its question would be a formula in a spreadsheet.
    expect(lines[3]).toBe(`${ids[2]},访客3,,,否,,,zh-CN,2026-11-30 08:00:00,2026-11-30 08:03:00,'=1+1 退款,,,`);

    const capped = await historyCsv(ctx, { lang: 'en' }, { batch: 2, max: 3 });
    expect(capped).toMatchObject({ rows: 3, truncated: true });
    expect(capped.csv.split('\r\n')[0]).toMatch(/^\uFEFFConversation,Visitor,Email,.*,Closed \(Asia\/Shanghai\),First question,Rating,Rating comment,Previous conversation$/);
    const filtered = await historyCsv(ctx, { text: '退款' }, { batch: 2, max: 100 });
    expect(filtered.rows).toBe(1);
  });
});
