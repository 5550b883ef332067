/** A knowledge-base reload never stalls serving: it is built in a worker thread while the last good one keeps answering. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import type { KbStatus } from '../src/kb/kb-holder.ts';
import { startKbHolder } from '../src/kb/kb-holder.ts';
import { createLogger } from '../src/logger.ts';
import { FIXTURE_KB, closeClients, connectVisitor, ok, recorder, sleep, startServer, tempDir, visitorCall } from './support/test-server.ts';

const GENERATED = 4000;
const NOUNS = ['账单', '发票', '密码', '订单', '地址', '会员', '积分', '优惠券', '合同', '头像'];
const VERBS = ['修改', '查询', '取消', '下载', '开通', '关闭', '绑定', '申请'];
const EN_NOUNS = ['bill', 'invoice', 'password', 'order', 'address', 'membership', 'points', 'coupon', 'contract', 'avatar'];

/** A topic file of `n` distinct plan questions in both languages, plus one entry that only this file answers. */
function generatedTopic(n: number): string {
  const lines = ['topic: generated', 'entries:'];
  lines.push('  - id: refund-time', '    question: 退款多久到账？', '    alternates: [退款什么时候到, 退款到账时间]', '    answer: 退款一般在 3-5 个工作日内原路退回。');
  for (let i = 0; i < n; i++) {
    const noun = i % NOUNS.length;
    const verb = Math.floor(i / NOUNS.length) % VERBS.length;
    lines.push(
      `  - id: plan-${i}`,
      `    question: 第${i}号套餐的${NOUNS[noun]}怎么${VERBS[verb]}？`,
      `    alternates: [${NOUNS[noun]}${VERBS[verb]} 套餐${i}, 套餐${i}如何${VERBS[verb]}${NOUNS[noun]}]`,
      `    answer: 套餐 ${i} 的${NOUNS[noun]}说明。`,
      '    en:',
      `      question: How do I change the ${EN_NOUNS[noun]} of plan ${i}?`,
      `      alternates: [plan ${i} ${EN_NOUNS[noun]} settings]`,
      `      answer: About the ${EN_NOUNS[noun]} of plan ${i}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > end) return value;
    await sleep(20);
  }
}

describe('knowledge-base reload of a large folder', () => {
  let server: KefuServer;
  let kbDir: string;
  beforeAll(async () => {
    kbDir = join(tempDir(), 'kb');
    cpSync(FIXTURE_KB, kbDir, { recursive: true });
    server = await startServer({ kbDir });
  }, 120_000);
  afterAll(() => server.close());
  afterEach(closeClients);

  const kbStatus = async (): Promise<KbStatus> => ((await (await fetch(`${server.url}/healthz`)).json()) as { kb: KbStatus }).kb;

  it('keeps answering HTTP and the bot from the last good index while the new one is built off the event loop', async () => {
    const before = await kbStatus();
    expect(before.loading).toBe(false);
    const socket = connectVisitor(server.url);
    const messages = recorder<Message>(socket, 'message');
    ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
    let n = 0;
    const ask = async (text: string) => {
      const mine = ok(await visitorCall(socket, 'send', { clientId: `r${++n}`, text })).message;
      return messages.next((m) => m.author === 'bot' && m.seq > mine.seq);
    };

    // The server runs in this process: a build on its thread would show here as one long gap between ticks.
    let last = performance.now();
    let worstGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      writeFileSync(join(kbDir, 'generated.yaml'), generatedTopic(GENERATED));

      const during = await waitFor(kbStatus, (s) => s.loading, 10_000);
      expect(during).toMatchObject({ loading: true, entries: before.entries });
      // Mid-rebuild, the bot answers from the index it had.
      expect((await ask('客服热线是多少')).text).toContain('400-XXX-XXXX');
      expect((await kbStatus()).entries).toBe(before.entries);

      let answeredWhileLoading = 0;
      const after = await waitFor(
        async () => {
          const s = await kbStatus();
          if (s.loading) answeredWhileLoading++;
          return s;
        },
        // The new content is served at the served bar while it is fitted, then fitted.
        (s) => s.entries === before.entries + GENERATED + 1 && !s.loading,
        180_000,
      );
      const took = performance.now() - started;
      expect(after).toMatchObject({ loading: false, entries: before.entries + GENERATED + 1 });
      expect(answeredWhileLoading).toBeGreaterThan(3);
      // Only assembling the posted index happens here; parsing, indexing and calibrating 4,000 entries did not.
      expect(worstGap, `longest stall ${Math.round(worstGap)} ms in a ${Math.round(took)} ms reload`).toBeLessThan(took / 3);
    } finally {
      clearInterval(ticker);
    }
    expect((await ask('退款多久到账')).text).toContain('3-5 个工作日');
  }, 240_000);
});

describe('startKbHolder', () => {
  it('ready() resolves after the first load: with the knowledge base, or with the folder broken and the error in status()', async () => {
    const log = createLogger('silent');
    const good = startKbHolder(FIXTURE_KB, log);
    const broken = join(tempDir(), 'kb');
    cpSync(FIXTURE_KB, broken, { recursive: true });
    writeFileSync(join(broken, 'broken.yaml'), 'entries: [ {id: "x", question: \n');
    const bad = startKbHolder(broken, log);
    try {
      expect(good.status()).toMatchObject({ loading: true, entries: 0 });
      expect(good.current()).toBeUndefined();
      await Promise.all([good.ready(), bad.ready()]);
      expect(good.status()).toMatchObject({ loading: false, entries: 5 });
      expect(good.current()?.matcher.match('客服热线是多少').entry?.id).toBe('hotline');
      expect(bad.current()).toBeUndefined();
      expect(bad.status()).toMatchObject({ loading: false, entries: 0, error: expect.stringMatching(/broken\.yaml/) });
    } finally {
      good.close();
      bad.close();
    }
  }, 120_000);
});
