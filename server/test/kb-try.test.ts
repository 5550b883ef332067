/**
 * 知识库 → 试一试 over HTTP on a real server (SQLite, 127.0.0.1): an agent's question is read as a new conversation
 * would read it (an answer with its entry, "did you mean", a decline, a request for a human, small talk, the complaint
 * form), in the asked or detected language, with the bars in use; nothing is written, and bad input is refused.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbTryResult } from '@kefu/shared';
import { DEMO_KB_DIR } from '@kefu/knowledge-base';
import type { KefuServer } from '../src/index.ts';
import { servedBarStore } from '../src/kb/served-bar-store.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import { FIXTURE_KB, login, sleep, startServer, tempDir } from './support/test-server.ts';

let server: KefuServer;
let admin: string;

async function tryText(body: unknown, cookie = admin, url = server.url): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/api/kb/try`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
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
    // A question about something the content never mentions: declined, and the tester says why the scores are low.
    const foreign = (await tryText({ text: '黄金价格多少' })).json as KbTryResult;
    expect(foreign).toMatchObject({ reading: 'decline', offTopic: { words: ['黄金'], factor: 0.5 } });
    expect(foreign.candidates[0]!.score).toBeLessThan(foreign.thresholds.suggest);
    expect(declined.offTopic).toBeUndefined();
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

describe('an entry with a bar of its own', () => {
  const QUESTION = '个人用户打哪个电话';
  it('keeps it across a restart (it is stored with the served bar), decides by it, and 试一试 shows it beside the entry', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir, kbDir: DEMO_KB_DIR });
    let answered: KbTryResult;
    try {
      answered = (await tryText({ text: QUESTION }, await login(first.url), first.url)).json;
      expect(answered.reading).toBe('answer');
      expect(answered.candidates[0]!.bar).toBeUndefined();
    } finally {
      await first.close();
    }
    // As if a reload had given the answering entry a bar of its own above this question's score.
    const storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
    const store = servedBarStore(storage);
    const end = Date.now() + 10_000;
    while (!(await store.load()) && Date.now() < end) await sleep(20);
    const served = (await store.load())!;
    const id = answered.entry!.id;
    const bar = Math.round((answered.candidates[0]!.score + 0.05) * 1000) / 1000;
    await store.save({ ...served, entryBars: { [id]: bar } });
    await storage.close();

    const second = await startServer({ dataDir, kbDir: DEMO_KB_DIR });
    try {
      const again: KbTryResult = (await tryText({ text: QUESTION }, await login(second.url), second.url)).json;
      expect(again.thresholds).toEqual(answered.thresholds);
      expect(again.candidates[0]).toMatchObject({ id, bar });
      // Below its own bar the entry is neither answered nor suggested.
      expect(again.reading).toBe('decline');
      expect(again.entry).toBeUndefined();
      // The entries list marks it too, and no other.
      const listed = (await (await fetch(`${second.url}/api/kb/entries`, { headers: { cookie: await login(second.url) } })).json()) as { entries: Array<{ id: string; bar?: number }> };
      expect(listed.entries.filter((e) => e.bar !== undefined)).toEqual([expect.objectContaining({ id, bar })]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it("takes the knowledge base's own off-topic words (_off_topic.yaml) on the next reload, and refuses one a phrasing uses", async () => {
    const kbDir = join(tempDir(), 'kb');
    cpSync(FIXTURE_KB, kbDir, { recursive: true });
    const own = await startServer({ kbDir });
    try {
      const cookie = await login(own.url);
      const ask = async () => (await tryText({ text: '华为客服电话多少' }, cookie, own.url)).json as KbTryResult;
      expect((await ask()).offTopic).toBeUndefined();
      writeFileSync(join(kbDir, '_off_topic.yaml'), 'off_topic: [华为]\n');
      const end = Date.now() + 60_000;
      let read = await ask();
      while (!read.offTopic && Date.now() < end) {
        await sleep(100);
        read = await ask();
      }
      expect(read.offTopic).toEqual({ words: ['华为'], factor: expect.any(Number) });
      expect(read.offTopic!.factor).toBeLessThan(1);
      // A word the content itself uses is refused: the last good knowledge base keeps serving, the error is in the status.
      writeFileSync(join(kbDir, '_off_topic.yaml'), 'off_topic: [华为, 热线]\n');
      let status: { error?: string } = {};
      while (!status.error?.includes('热线') && Date.now() < end) {
        await sleep(100);
        status = ((await (await fetch(`${own.url}/healthz`)).json()) as { kb: { error?: string } }).kb;
      }
      expect(status.error).toMatch(/_off_topic\.yaml.*"热线" is in a phrasing of entry/);
      expect((await ask()).offTopic).toEqual(read.offTopic);
    } finally {
      await own.close();
    }
  }, 120_000);
});
