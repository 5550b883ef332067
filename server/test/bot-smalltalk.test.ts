/** The bot's own part of a conversation: greetings, thanks and goodbyes, and offering a human once after two misses in a row. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, ok, recorder, startServer, visitorCall } from './support/test-server.ts';

const DECLINE = '抱歉，我还没有学会回答这个问题。您可以换个说法，或转人工客服。';
const UNKNOWN = ['明天北京会下雨吗', '火星上有几只猫', '推荐一部好看的电影', '今天股票会涨吗'];

let server: KefuServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(closeClients);

async function visitor(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  ok(await visitorCall(socket, 'hello', { lang }));
  let n = 0;
  /** Sends `text` (a tap when `entryId` is given) and returns the bot's first reply to it. */
  const ask = async (text: string, entryId?: string) => {
    const mine = ok(await visitorCall(socket, 'send', { clientId: `s${++n}`, text, ...(entryId ? { entryId } : {}) })).message;
    return messages.next((m) => m.author === 'bot' && m.seq > mine.seq);
  };
  /** Sends `text` and returns the next message from anyone else (bot or system). */
  const reply = async (text: string) => {
    const mine = ok(await visitorCall(socket, 'send', { clientId: `s${++n}`, text })).message;
    return messages.next((m) => m.author !== 'visitor' && m.seq > mine.seq);
  };
  return { socket, messages, ask, reply };
}

describe('small talk', () => {
  it('greets back in Chinese with the welcome questions, whatever the punctuation, emoji or particle', async () => {
    const v = await visitor();
    for (const text of ['你好', '您好！', '在吗？', '你好呀~ 👋']) {
      const reply = await v.ask(text);
      expect(reply.text, text).toBe('您好！很高兴为您服务，请问有什么可以帮您？\n您可以直接输入问题，或点击下面的常见问题：');
      expect(reply.meta, text).toEqual({
        decision: 'answer',
        smalltalk: 'greeting',
        suggestions: [
          { id: 'hotline', question: '客服热线是多少？' },
          { id: 'service-hours', question: '客服的服务时间是什么时候？' },
          { id: 'ticket-lookup', question: expect.any(String) },
        ],
      });
    }
  });

  it('greets back in English when the visitor says hello in English, even on a Chinese page', async () => {
    const v = await visitor('zh-CN');
    const reply = await v.ask('Hello!');
    expect(reply.text).toMatch(/^Hello! Happy to help\. What can I do for you\?\nType your question, or pick a common one below:$/);
    expect(reply.meta?.smalltalk).toBe('greeting');
    expect(reply.meta?.suggestions?.[0]).toEqual({ id: 'hotline', question: 'What is the customer service hotline?' });
  });

  it('answers thanks and goodbyes in the visitor’s language without suggestions', async () => {
    const v = await visitor();
    const cases: [string, string, string][] = [
      ['谢谢！', 'thanks', '不客气！还有其他问题，随时问我。'],
      ['多谢啊', 'thanks', '不客气！还有其他问题，随时问我。'],
      ['thank you 🙏', 'thanks', "You're welcome! If anything else comes up, just ask."],
      ['再见', 'goodbye', '再见，祝您生活愉快！有需要随时来找我。'],
      ['拜拜哈', 'goodbye', '再见，祝您生活愉快！有需要随时来找我。'],
      ['Thanks, bye!', 'goodbye', 'Goodbye, and have a nice day! I am here whenever you need me.'],
    ];
    for (const [text, kind, answer] of cases) {
      const reply = await v.ask(text);
      expect(reply.text, text).toBe(answer);
      expect(reply.meta, text).toEqual({ decision: 'answer', smalltalk: kind });
    }
  });

  it('takes a thanks or greeting with a question after it as the question', async () => {
    const v = await visitor();
    const answered = await v.ask('谢谢，那客服热线是多少？');
    expect(answered.meta).toMatchObject({ decision: 'answer', entryId: 'hotline' });
    expect(answered.meta?.smalltalk).toBeUndefined();
    const declined = await v.ask('谢谢，那退款多久到账');
    expect(declined.meta?.decision).toBe('decline');
    expect(declined.meta?.smalltalk).toBeUndefined();
    // A handoff answers with a notice (or, outside service hours, the bot's leave-a-message offer): never the greeting.
    const handoff = await v.reply('你好，转人工');
    expect(handoff.meta?.smalltalk).toBeUndefined();
    expect(handoff.text).not.toMatch(/^您好！很高兴为您服务/);
  });

  it('leaves a reply inside a flow to the flow', async () => {
    const v = await visitor();
    await v.ask('查询工单', 'ticket-lookup');
    const reply = await v.ask('谢谢');
    expect(reply.text).toBe('工单编号格式不对，请再试一次。');
  });

  it('keeps the small-talk mark in the stored transcript', async () => {
    const v = await visitor();
    await v.ask('hi');
    const sync = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 }));
    expect(sync.messages.map((m) => m.meta?.smalltalk)).toEqual([undefined, 'greeting']);
  });
});

describe('offering a human', () => {
  it('offers a human on the second decline in a row, once, and again only after an answer', async () => {
    const v = await visitor();
    const first = await v.ask(UNKNOWN[0]!);
    expect(first.text).toBe(DECLINE);
    expect(first.meta).toEqual({ decision: 'decline' });

    const second = await v.ask(UNKNOWN[1]!);
    expect(second.meta).toEqual({ decision: 'decline', offerHuman: true });
    expect(second.text).toBe('抱歉，这个问题我还是没能回答。您可以点击下方的「转人工客服」，由人工客服为您解答。');

    const third = await v.ask(UNKNOWN[2]!);
    expect(third.meta).toEqual({ decision: 'decline' });
    expect(third.text).toBe(DECLINE);

    expect((await v.ask('热线电话')).meta?.entryId).toBe('hotline');
    expect((await v.ask(UNKNOWN[3]!)).meta?.offerHuman).toBeUndefined();
    expect((await v.ask(UNKNOWN[0]!)).meta?.offerHuman).toBe(true);
  });

  it('counts the reply to an earlier message that arrived after this one was sent', async () => {
    const v = await visitor();
    // Both sent before either is answered: the first decline is stored after the second question.
    const sent = await Promise.all(UNKNOWN.slice(0, 2).map(async (text, i) => ok(await visitorCall(v.socket, 'send', { clientId: `fast${i}`, text })).message));
    const first = await v.messages.next((m) => m.author === 'bot' && m.seq > sent[1]!.seq);
    const second = await v.messages.next((m) => m.author === 'bot' && m.seq > first.seq);
    expect(first.meta).toEqual({ decision: 'decline' });
    expect(second.meta).toEqual({ decision: 'decline', offerHuman: true });
  });

  it('counts an ignored "did you mean" as a miss, and small talk as neither a miss nor an answer', async () => {
    const v = await visitor();
    const suggest = await v.ask('客服');
    expect(suggest.meta?.decision).toBe('suggest');
    expect(suggest.meta?.offerHuman).toBeUndefined();
    expect((await v.ask('你好')).meta?.smalltalk).toBe('greeting');
    const declined = await v.ask(UNKNOWN[0]!);
    expect(declined.meta).toEqual({ decision: 'decline', offerHuman: true });
  });

  it('does not count a "did you mean" the visitor answered by tapping', async () => {
    const v = await visitor();
    const suggest = await v.ask('客服');
    const pick = suggest.meta?.suggestions?.[0];
    expect(pick).toBeDefined();
    expect((await v.ask(pick!.question, pick!.id)).meta).toMatchObject({ decision: 'answer', entryId: pick!.id });
    expect((await v.ask(UNKNOWN[0]!)).meta).toEqual({ decision: 'decline' });
  });

  it('offers in English on a "did you mean" that follows a decline and an ignored "did you mean", keeping its suggestions', async () => {
    const v = await visitor('en');
    expect((await v.ask('what is the weather on mars')).meta).toEqual({ decision: 'decline' });
    const suggest = await v.ask('service');
    expect(suggest.meta?.decision).toBe('suggest');
    expect(suggest.meta?.offerHuman).toBeUndefined();
    expect(suggest.text).toBe('Did you mean:');
    const again = await v.ask('service');
    expect(again.meta).toMatchObject({ decision: 'suggest', offerHuman: true, suggestions: suggest.meta?.suggestions });
    expect(again.text).toBe('Did you mean one of these? If not, tap “Talk to a human” at the bottom and an agent will help you.');
  });
});
