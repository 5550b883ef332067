/** A visitor over a real socket: hello, bot answers, suggestions, flows, idempotent resend, replay. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import { io } from 'socket.io-client';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, login, ok, recorder, startServer, visitorCall, type VisitorClient } from './support/test-server.ts';

let server: KefuServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(closeClients);

async function visitor(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const hello = ok(await visitorCall(socket, 'hello', { lang }));
  let n = 0;
  const say = async (text: string, extra: object = {}) => ok(await visitorCall(socket, 'send', { clientId: `c${++n}-${Date.now()}`, text, ...extra })).message;
  const botAfter = (seq: number) => messages.next((m) => m.author === 'bot' && m.seq > seq);
  return { socket, hello, messages, say, botAfter };
}

describe('visitor session', () => {
  it('greets a new visitor with a token, an empty conversation and welcome questions', async () => {
    const { hello } = await visitor();
    expect(hello.token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(hello.conversation).toMatchObject({ state: 'bot', lastSeq: 0, ratingPending: false });
    expect(hello.messages).toEqual([]);
    expect(hello.welcome.map((w) => w.id)).toEqual(['hotline', 'service-hours', 'ticket-lookup']);
  });

  it('answers a known question with the entry, its follow-ups and the department', async () => {
    const v = await visitor();
    const mine = await v.say('客服热线是多少？');
    expect(mine).toMatchObject({ seq: 1, author: 'visitor', text: '客服热线是多少？' });
    const reply = await v.botAfter(mine.seq);
    expect(reply.seq).toBe(2);
    expect(reply.text).toContain('400-XXX-XXXX');
    expect(reply.meta).toMatchObject({ decision: 'answer', entryId: 'hotline', suggestions: [{ id: 'service-hours', question: '客服的服务时间是什么时候？' }] });
  });

  it('answers in English when the visitor said hello in English, and a tapped suggestion directly', async () => {
    const v = await visitor('en');
    const tapped = await v.say('What are your service hours?', { entryId: 'service-hours' });
    const reply = await v.botAfter(tapped.seq);
    expect(reply.meta?.entryId).toBe('service-hours');
    expect(reply.text).toContain('24/7');
  });

  it('declines what it does not know, naming the human option (the offer itself comes on a second miss: bot-smalltalk.test.ts)', async () => {
    const v = await visitor();
    const mine = await v.say('明天北京会下雨吗');
    const reply = await v.botAfter(mine.seq);
    expect(reply.meta).toEqual({ decision: 'decline' });
    expect(reply.text).toBe('抱歉，我还没有学会回答这个问题。您可以换个说法，或转人工客服。');
  });

  it('stores a resent clientId once and replies once', async () => {
    const v = await visitor();
    const payload = { clientId: 'same-id-1', text: '热线电话' };
    const first = ok(await visitorCall(v.socket, 'send', payload));
    const second = ok(await visitorCall(v.socket, 'send', payload));
    expect(second).toEqual(first);
    await v.botAfter(first.message.seq);
    await new Promise((r) => setTimeout(r, 150));
    const sync = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 }));
    expect(sync.messages.map((m) => m.author)).toEqual(['visitor', 'bot']);
  });

  it('works over HTTP long-polling when WebSocket is blocked', async () => {
    const socket: VisitorClient = io(`${server.url}/visitor`, { transports: ['polling'], forceNew: true, reconnection: false });
    try {
      const messages = recorder<Message>(socket, 'message');
      ok(await visitorCall(socket, 'hello', {}));
      const mine = ok(await visitorCall(socket, 'send', { clientId: 'poll-1', text: '热线电话' })).message;
      expect((await messages.next((m) => m.author === 'bot' && m.seq > mine.seq)).meta?.entryId).toBe('hotline');
    } finally {
      socket.disconnect();
    }
  });

  it('leave-message creates a ticket that ticket-lookup then finds', async () => {
    const v = await visitor();
    const start = await v.say('我要留言');
    const prompt = await v.messages.next((m) => m.seq > start.seq && m.text.includes('手机号或邮箱'));
    const bad = await v.say('不告诉你');
    const invalid = await v.botAfter(bad.seq);
    expect(invalid.text).toBe('请输入有效的手机号或邮箱。');
    expect(prompt.seq).toBeLessThan(bad.seq);
    const contact = await v.say('13800138000');
    await v.messages.next((m) => m.seq > contact.seq && m.text.includes('描述'));
    const words = '发票一直开不出来，Wi-Fi 也断了（急！）';
    const desc = await v.say(words);
    const created = await v.botAfter(desc.seq);
    const number = /T\d{8}-\d{4}/.exec(created.text)?.[0];
    expect(number).toBeDefined();
    // The ticket keeps the description exactly as typed (full-width punctuation included).
    const cookie = await login(server.url);
    const ticket = (await (await fetch(`${server.url}/api/tickets/${number}`, { headers: { cookie } })).json()) as { ticket: { description: string } };
    expect(ticket.ticket.description).toBe(words);

    const lookup = await v.say('工单查询');
    await v.messages.next((m) => m.seq > lookup.seq && m.text.includes('请输入工单编号'));
    const typed = await v.say(number!.toLowerCase());
    const found = await v.botAfter(typed.seq);
    expect(found.text).toBe(`工单 ${number} 当前状态：待处理`);

    const again = await v.say('工单查询');
    await v.messages.next((m) => m.seq > again.seq && m.text.includes('请输入工单编号'));
    const cancel = await v.say('取消');
    expect((await v.botAfter(cancel.seq)).text).toContain('已取消');

    // Another visitor who types that number learns nothing: the same answer as a number that does not exist.
    const stranger = await visitor();
    const theirs = await stranger.say('工单查询');
    await stranger.messages.next((m) => m.seq > theirs.seq && m.text.includes('请输入工单编号'));
    const guessed = await stranger.say(number!);
    const foreign = (await stranger.botAfter(guessed.seq)).text;
    const missing = await stranger.say('工单查询');
    await stranger.messages.next((m) => m.seq > missing.seq && m.text.includes('请输入工单编号'));
    const unknown = await stranger.say('T20000101-9999');
    expect(foreign).not.toContain('待处理');
    expect(foreign).toBe((await stranger.botAfter(unknown.seq)).text.replace('T20000101-9999', number!));
  });
});
