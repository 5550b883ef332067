/** Bot details a visitor notices: did-you-mean, language detection, the message rate limit, knowledge-base hot reload. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { FIXTURE_KB, agentOnDuty, closeClients, connectVisitor, ok, recorder, sleep, startServer, tempDir, visitorCall } from './support/test-server.ts';

let server: KefuServer;
let kbDir: string;
beforeAll(async () => {
  kbDir = join(tempDir(), 'kb');
  cpSync(FIXTURE_KB, kbDir, { recursive: true });
  server = await startServer({ kbDir });
});
afterAll(() => server.close());
afterEach(closeClients);

async function visitor(hello: object = {}) {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  ok(await visitorCall(socket, 'hello', hello));
  let n = 0;
  const ask = async (text: string) => {
    const mine = ok(await visitorCall(socket, 'send', { clientId: `k${++n}`, text })).message;
    return messages.next((m) => m.author === 'bot' && m.seq > mine.seq);
  };
  return { socket, messages, ask };
}

type KbStatus = { entries: number; answerBar?: number; loadedAt?: number; error?: string };
async function kbStatus(): Promise<KbStatus> {
  return ((await (await fetch(`${server.url}/healthz`)).json()) as { kb: KbStatus }).kb;
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > end) return value;
    await sleep(50);
  }
}

describe('bot', () => {
  it('offers close questions as buttons when unsure', async () => {
    const v = await visitor({ lang: 'zh-CN' });
    const reply = await v.ask('客服');
    expect(reply.text).toBe('您是不是想问：');
    expect(reply.meta?.decision).toBe('suggest');
    expect(reply.meta?.suggestions?.length).toBeGreaterThan(0);
    expect(reply.meta?.suggestions?.length).toBeLessThanOrEqual(3);
    expect(reply.meta?.suggestions?.[0]).toEqual({ id: expect.any(String), question: expect.stringMatching(/？$/) });
  });

  it('reads the language from the first message when hello did not say', async () => {
    const v = await visitor();
    const reply = await v.ask('What is the hotline phone number?');
    expect(reply.text).toContain('The hotline is');
    const next = await v.ask('what is the weather on mars');
    expect(next.text).toMatch(/^Sorry/);
  });

  it('answers in the language of the question, whatever the page language', async () => {
    const v = await visitor({ lang: 'en' });
    const zh = await v.ask('客服热线是多少');
    expect(zh.text).toContain('普通用户服务热线');
    expect(zh.meta?.suggestions?.[0]?.question).toBe('客服的服务时间是什么时候？');
    const en = await v.ask('What is the hotline phone number?');
    expect(en.text).toContain('The hotline is');
  });

  it('leaves a flow for a confident answer to something else, or for a human', async () => {
    const v = await visitor({ lang: 'zh-CN' });
    await v.ask('工单查询');
    await v.messages.next((m) => m.text.startsWith('请输入工单编号'));
    const other = await v.ask('客服热线是多少？');
    expect(other.meta?.entryId).toBe('hotline');
    // The flow is gone: a ticket number is now an ordinary question, not a lookup.
    const next = await v.ask('T20260101-0001');
    expect(next.text).not.toContain('没有找到工单');
    expect(next.meta?.decision).toBeDefined();

    await v.ask('工单查询');
    const prompt = await v.messages.next((m) => m.text.startsWith('请输入工单编号') && m.seq > next.seq);
    await agentOnDuty(server.url);
    ok(await visitorCall(v.socket, 'send', { clientId: 'leave-for-human', text: '转人工客服' }));
    const queued = await v.messages.next((m) => m.meta?.notice === 'queued');
    expect(queued.seq).toBe(prompt.seq + 2);
  });

  it('limits how fast one visitor can send', async () => {
    const v = await visitor();
    const codes: string[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await visitorCall(v.socket, 'send', { clientId: `flood-${i}`, text: `第 ${i} 条` });
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    expect(codes.slice(0, 30).every((c) => c === 'ok')).toBe(true);
    expect(codes.slice(30)).toEqual(['rate_limited', 'rate_limited']);
    // A resend of something already stored is still answered (it stores nothing).
    expect(ok(await visitorCall(v.socket, 'send', { clientId: 'flood-3', text: '第 3 条' })).message.seq).toBeGreaterThan(0);
  });
});

describe('knowledge-base hot reload', () => {
  it('answers a new entry after the file changes and keeps the last good one when a file breaks', async () => {
    const before = await kbStatus();
    writeFileSync(
      join(kbDir, 'refunds.yaml'),
      ['topic: refunds', 'entries:', '  - id: refund-time', '    question: 退款多久到账？', '    alternates: [退款什么时候到, 退款到账时间]', '    answer: 退款一般在 3-5 个工作日内原路退回。', ''].join('\n'),
    );
    const reloaded = await until(kbStatus, (s) => s.entries === before.entries + 1);
    expect(reloaded.entries).toBe(before.entries + 1);
    // The answer bar is fitted to the content at every load and shown to operators.
    expect(reloaded.answerBar).toBeGreaterThan(0);
    expect(reloaded.answerBar).toBeLessThan(1);
    const v = await visitor({ lang: 'zh-CN' });
    expect((await v.ask('退款多久到账')).text).toContain('3-5 个工作日');

    writeFileSync(join(kbDir, 'broken.yaml'), 'entries: [ {id: "x", question: \n');
    const broken = await until(kbStatus, (s) => s.error !== undefined);
    expect(broken.error).toMatch(/broken\.yaml/);
    expect(broken.entries).toBe(before.entries + 1);
    expect((await v.ask('退款到账时间')).text).toContain('3-5 个工作日');
  });
});
