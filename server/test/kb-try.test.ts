/**
 * 知识库 → 试一试 over HTTP on a real server (SQLite, 127.0.0.1): an agent's question is read as a new conversation
 * would read it (an answer with its entry, "did you mean", a decline, a request for a human, small talk, the complaint
 * form), in the asked or detected language, with the bars in use; nothing is written, and bad input is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbTryResult } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { login, startServer } from './support/test-server.ts';

let server: KefuServer;
let admin: string;

async function tryText(body: unknown, cookie = admin): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}/api/kb/try`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/kb/try', () => {
  it('answers with the entry a visitor would get, in the language of the question, with its candidates and the bars', async () => {
    const zh = await tryText({ text: '客服电话多少' });
    expect(zh.status).toBe(200);
    const result = zh.json as KbTryResult;
    expect(result).toMatchObject({ reading: 'answer', lang: 'zh-CN', entry: { id: 'hotline', question: '客服热线是多少？' } });
    expect(result.entry!.answer).toContain('400-XXX-XXXX');
    expect(result.candidates[0]).toMatchObject({ id: 'hotline' });
    expect(result.candidates[0]!.score).toBeGreaterThanOrEqual(result.thresholds.answer);
    expect(result.thresholds.suggest).toBeLessThanOrEqual(result.thresholds.answer);

    const en = (await tryText({ text: 'how do I call you' })).json as KbTryResult;
    expect(en).toMatchObject({ reading: 'answer', lang: 'en', entry: { id: 'hotline', question: 'What is the customer service hotline?' } });
    // Asked for English, a Chinese question is read as the English widget would send it.
    expect((await tryText({ text: '客服电话多少', lang: 'en' })).json).toMatchObject({ lang: 'en', entry: { question: 'What is the customer service hotline?' } });
  });

  it('says when the bot would decline, hand off, or reply before matching (small talk, the complaint form)', async () => {
    const declined = (await tryText({ text: '火星上有几只猫' })).json as KbTryResult;
    expect(declined.reading).toBe('decline');
    expect(declined.entry).toBeUndefined();
    expect((await tryText({ text: '转人工' })).json.reading).toBe('handoff');
    expect((await tryText({ text: '你好' })).json).toMatchObject({ reading: 'small_talk', candidates: [] });
    expect((await tryText({ text: '我要投诉' })).json).toMatchObject({ reading: 'complaint', candidates: [] });
  });

  it('refuses bad input with a code and a message, and anyone signed out', async () => {
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(5000) }, { text: '客服', lang: 'fr' }, { text: 42 }, [1, 2]]) {
      const res = await tryText(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ code: 'bad_request' });
      expect(typeof res.json.message).toBe('string');
    }
    expect((await tryText({ text: '客服电话多少' }, '')).status).toBe(401);
  });
});
