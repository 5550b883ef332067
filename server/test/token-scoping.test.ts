/** A visitor token opens only its own visitor's conversations; forged tokens start fresh. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, ok, recorder, sleep, startServer, visitorCall } from './support/test-server.ts';

let server: KefuServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(closeClients);

describe('visitor token scoping', () => {
  it('keeps A private from B, from a forged token, and from a token for another id', async () => {
    const a = connectVisitor(server.url);
    const helloA = ok(await visitorCall(a, 'hello', {}));
    ok(await visitorCall(a, 'send', { clientId: 'secret-1', text: '我的手机号是 13800138000' }));
    const convA = helloA.conversation.id;

    const b = connectVisitor(server.url);
    const bMessages = recorder<Message>(b, 'message');
    const helloB = ok(await visitorCall(b, 'hello', {}));
    expect(helloB.visitorId).not.toBe(helloA.visitorId);
    expect(helloB.conversation.id).not.toBe(convA);

    const read = await visitorCall(b, 'sync', { conversationId: convA, afterSeq: 0 });
    expect(!read.ok && read.error.code).toBe('not_found');
    const rate = await visitorCall(b, 'rate', { conversationId: convA, score: 1 });
    expect(!rate.ok && rate.error.code).toBe('not_found');

    const [idA, sig] = helloA.token.split('.') as [string, string];
    const forgeries = [
      `${idA}.${sig.slice(0, -2)}xx`,
      `${idA}.`,
      idA,
      `${helloB.visitorId}.${sig}`,
      `${idA}.${helloB.token.split('.')[1]}`,
      'garbage',
    ];
    for (const token of forgeries) {
      const c = connectVisitor(server.url);
      const hello = ok(await visitorCall(c, 'hello', { token }));
      expect(hello.visitorId, token).not.toBe(idA);
      expect(hello.conversation.id).not.toBe(convA);
      expect(hello.messages).toEqual([]);
      c.disconnect();
    }

    // A's own token, in a second tab, resumes A's conversation.
    const a2 = connectVisitor(server.url);
    const resumed = ok(await visitorCall(a2, 'hello', { token: helloA.token }));
    expect(resumed.conversation.id).toBe(convA);
    expect(resumed.messages[0]?.id).toBe('secret-1');

    ok(await visitorCall(a, 'send', { clientId: 'secret-2', text: '还有一件事' }));
    await sleep(150);
    expect(bMessages.seen.filter((m) => m.conversationId === convA)).toEqual([]);
  });

  it('pushes a message to every tab of the same visitor', async () => {
    const tab1 = connectVisitor(server.url);
    const hello = ok(await visitorCall(tab1, 'hello', {}));
    const tab2 = connectVisitor(server.url);
    const seen2 = recorder<Message>(tab2, 'message');
    ok(await visitorCall(tab2, 'hello', { token: hello.token }));
    ok(await visitorCall(tab1, 'send', { clientId: 'tab-1', text: '热线电话' }));
    expect((await seen2.next((m) => m.id === 'tab-1')).author).toBe('visitor');
    expect((await seen2.next((m) => m.author === 'bot')).meta?.entryId).toBe('hotline');
  });
});
