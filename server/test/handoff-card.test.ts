/**
 * The handoff card an agent gets with `accept` and `open`: the visitor's questions, the bot's miss, the
 * answered entry with its confidence, who the visitor is, page and browser, and their earlier
 * conversation and ticket; the visitor never receives it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { identitySignature } from '../src/security/identity.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import { agentCall, agentOnDuty, closeClients, connectVisitor, ok, recorder, startServer, tempDir, visitorCall } from './support/test-server.ts';

const SECRET = 'identity-secret-for-tests-0123';
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const DAY = 24 * 60 * 60 * 1000;

let server: KefuServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir();
  server = await startServer({ dataDir, identitySecret: SECRET });
});
afterAll(async () => {
  closeClients();
  await server.close();
});

/** A visitor in Chrome on a Mac, signed in on the host site as user 42. */
async function visitor() {
  const socket = connectVisitor(server.url, { 'user-agent': CHROME_MAC });
  const messages = recorder<Message>(socket, 'message');
  const seen: unknown[] = [];
  socket.onAny((...args: unknown[]) => seen.push(args));
  const hello = ok(
    await visitorCall(socket, 'hello', {
      lang: 'zh-CN',
      page: 'https://shop.example/orders/123',
      identity: { userId: '42', name: '张三', email: 'zhang@example.com', signature: identitySignature('42', SECRET) },
    }),
  );
  const replies: unknown[] = [hello];
  const ask = async (clientId: string, text: string): Promise<Message> => {
    const sent = ok(await visitorCall(socket, 'send', { clientId, text }));
    replies.push(sent);
    return messages.next((m) => m.author === 'bot' && m.seq > sent.message.seq);
  };
  return { socket, hello, ask, seen, replies };
}

/** An earlier visit of the same visitor, with the ticket it left, written straight into the server's database file. */
async function earlierVisit(visitorId: string): Promise<{ conversationId: string; ticketNumber: string }> {
  const storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  try {
    const at = Date.now() - 3 * DAY;
    const conv = await storage.createConversation({ siteKey: 'demo', visitorId, lang: 'zh-CN', now: at });
    await storage.appendMessage({ conversationId: conv.id, author: 'visitor', text: '上周的订单还没发货', preview: '上周的订单还没发货', createdAt: at });
    await storage.updateConversation(conv.id, { state: 'closed', closedAt: at + 1000 }, at + 1000);
    const ticket = await storage.createTicket({ conversationId: conv.id, visitorId, contact: '13800000000', day: '20261127', createdAt: at + 2000 });
    return { conversationId: conv.id, ticketNumber: ticket.number };
  } finally {
    await storage.close();
  }
}

describe('handoff card', () => {
  it('shows the agent the questions, the miss, the answer with its confidence, identity, page, browser and history', async () => {
    const agent = await agentOnDuty(server.url);
    const v = await visitor();
    const earlier = await earlierVisit(v.hello.visitorId);

    const answered = await v.ask('q1', '怎么开发票？');
    expect(answered.meta).toMatchObject({ decision: 'answer', entryId: 'invoice' });
    const declined = await v.ask('q2', '火星上有几只猫');
    expect(declined.meta?.decision).toBe('decline');
    v.replies.push(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' })));

    const accepted = ok(await agentCall(agent, 'accept', { conversationId: v.hello.conversation.id }));
    const card = accepted.card!;
    expect(card.questions.map((q) => q.text)).toEqual(['怎么开发票？', '火星上有几只猫']);
    expect(card.missed.map((q) => q.text)).toEqual(['火星上有几只猫']);
    expect(card.matched).toHaveLength(1);
    expect(card.matched[0]).toMatchObject({ entryId: 'invoice', question: '怎么开发票？', questionEn: 'How do I get an invoice?' });
    const confidence = card.matched[0]!.confidence!;
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
    expect(Math.round(confidence * 100) / 100).toBe(confidence);
    expect(answered.meta?.confidence).toBe(confidence);
    expect(card.identity).toEqual({ name: '张三', email: 'zhang@example.com', userId: '42', verified: true });
    expect(card.page).toBe('https://shop.example/orders/123');
    expect(card.browser).toBe('Chrome 131 / macOS');
    expect(card.lang).toBe('zh-CN');
    expect(card.earlier).toEqual([{ id: earlier.conversationId, state: 'closed', createdAt: expect.any(Number), preview: '上周的订单还没发货' }]);
    expect(card.tickets).toEqual([{ number: earlier.ticketNumber, status: 'open', createdAt: expect.any(Number) }]);

    // Opening it again (another tab, a reload) carries the same card; the browser is remembered after the visitor left.
    v.socket.disconnect();
    const opened = ok(await agentCall(agent, 'open', { conversationId: v.hello.conversation.id }));
    expect(opened.card).toMatchObject({ questions: card.questions, missed: card.missed, matched: card.matched, browser: 'Chrome 131 / macOS' });

    // Nothing the visitor received, pushed or acknowledged, carries the card.
    expect(JSON.stringify([v.seen, v.replies])).not.toContain('"card"');
    expect(JSON.stringify([v.seen, v.replies])).not.toContain('Chrome 131');
  });
  it('counts an ignored "did you mean" as a miss but not one the visitor tapped; an anonymous first visit has no identity or history', async () => {
    const agent = await agentOnDuty(server.url);
    const socket = connectVisitor(server.url, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const messages = recorder<Message>(socket, 'message');
    const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
    const ask = async (clientId: string, text: string, entryId?: string): Promise<Message> => {
      const sent = ok(await visitorCall(socket, 'send', { clientId, text, ...(entryId ? { entryId } : {}) })).message;
      return messages.next((m) => m.author === 'bot' && m.seq > sent.seq);
    };
    const tappedSuggest = await ask('s1', '客服');
    expect(tappedSuggest.meta?.decision).toBe('suggest');
    const pick = tappedSuggest.meta!.suggestions![0]!;
    expect((await ask('s2', pick.question, pick.id)).meta).toMatchObject({ decision: 'answer', entryId: pick.id });
    expect((await ask('s3', '客服')).meta?.decision).toBe('suggest');
    ok(await visitorCall(socket, 'handoff', { clientId: 'h1' }));

    const card = ok(await agentCall(agent, 'accept', { conversationId: hello.conversation.id })).card!;
    expect(card.questions.map((q) => q.text)).toEqual(['客服', pick.question, '客服']);
    // Only the second 客服: its "did you mean" was left for a human.
    expect(card.missed.map((q) => q.seq)).toEqual([card.questions[2]!.seq]);
    // A tapped suggestion is answered without the matcher, so it has no confidence.
    expect(card.matched).toEqual([expect.objectContaining({ entryId: pick.id, question: pick.question })]);
    expect(card.matched[0]!.confidence).toBeUndefined();
    expect(card.identity).toBeUndefined();
    expect(card.browser).toBe('Firefox 133 / Linux');
    expect(card.earlier).toEqual([]);
    expect(card.tickets).toEqual([]);
  });
});
