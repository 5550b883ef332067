/** Bad payloads on every event get `bad_request`, careless clients without acks crash nothing, and state stays intact. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, sleep, startServer, visitorCall } from './support/test-server.ts';

let server: KefuServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(closeClients);

const junk = [undefined, null, 42, 'text', [], { clientId: 'bad id!', text: 'x' }, { clientId: 'a'.repeat(65), text: 'x' }];

const VISITOR_BAD: Record<string, unknown[]> = {
  hello: [42, 'x', { token: 5 }, { lang: 'fr' }, { lastSeq: -1 }, { lastSeq: 1.5 }, { page: 'x'.repeat(3000) }],
  send: [...junk, { clientId: 'ok', text: '' }, { clientId: 'ok', text: '   ' }, { clientId: 'ok', text: 'x'.repeat(2001) }, { clientId: 'ok', text: 'x', entryId: 7 }],
  handoff: [...junk, {}],
  rate: [undefined, {}, { conversationId: 'c', score: 0 }, { conversationId: 'c', score: 6 }, { conversationId: 'c', score: 2.5 }, { conversationId: 'c', score: '3' }],
  sync: [undefined, {}, { afterSeq: -1 }, { afterSeq: 'x' }],
};

const AGENT_BAD: Record<string, unknown[]> = {
  hello: [42, 'x'],
  accept: [undefined, {}, { conversationId: '' }, { conversationId: 5 }],
  open: [undefined, { conversationId: 'x', afterSeq: -2 }],
  send: [undefined, { conversationId: 'x', clientId: 'c', text: '' }, { conversationId: 'x', text: 'hi' }],
  close: [undefined, { conversationId: 'x'.repeat(65) }],
};

describe('protocol validation', () => {
  it('answers every malformed visitor payload with bad_request and keeps the conversation intact', async () => {
    const socket = connectVisitor(server.url);
    for (const payload of VISITOR_BAD.hello!) {
      const res = await visitorCall(socket, 'hello', payload);
      expect(res.ok ? 'ok' : res.error.code, `hello ${JSON.stringify(payload)}`).toBe('bad_request');
    }
    const hello = ok(await visitorCall(socket, 'hello', {}));
    const first = ok(await visitorCall(socket, 'send', { clientId: 'keep-1', text: '客服热线是多少？' })).message;
    for (const [event, payloads] of Object.entries(VISITOR_BAD)) {
      if (event === 'hello') continue;
      for (const payload of payloads) {
        const res = await visitorCall(socket, event as 'send', payload);
        expect(res.ok ? 'ok' : res.error.code, `${event} ${JSON.stringify(payload)}`).toBe('bad_request');
      }
    }
    await sleep(100);
    const messages = ok(await visitorCall(socket, 'sync', { afterSeq: 0 })).messages;
    expect(messages.map((m) => [m.seq, m.author])).toEqual([[1, 'visitor'], [2, 'bot']]);
    expect(messages[0]).toEqual(first);
    expect(hello.conversation.id).toBe(first.conversationId);
  });

  it('survives events without an ack, with a non-function ack, and unknown events', async () => {
    const socket = connectVisitor(server.url);
    const messages = recorder<Message>(socket, 'message');
    ok(await visitorCall(socket, 'hello', {}));
    const loose = socket as unknown as { emit(...args: unknown[]): void };
    loose.emit('send', { clientId: 'no-ack', text: '热线电话' });
    loose.emit('send', { clientId: 'weird-ack', text: 'x' }, 'not a function');
    loose.emit('send');
    loose.emit('no-such-event', { a: 1 }, () => {});
    loose.emit('rate', () => {});
    const bot = await messages.next((m) => m.author === 'bot');
    expect(bot.meta?.entryId).toBe('hotline');
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const res = ok(await visitorCall(socket, 'sync', { afterSeq: 0 }));
    expect(res.messages.map((m) => m.id)).toContain('no-ack');
  });

  it('refuses visitor events before hello', async () => {
    const socket = connectVisitor(server.url);
    const res = await visitorCall(socket, 'send', { clientId: 'a', text: 'hi' });
    expect(!res.ok && res.error.code).toBe('unauthorized');
  });

  it('answers every malformed agent payload with bad_request', async () => {
    const socket = connectAgent(server.url, await login(server.url));
    for (const [event, payloads] of Object.entries(AGENT_BAD)) {
      for (const payload of payloads) {
        const res = await agentCall(socket, event as 'accept', payload);
        expect(res.ok ? 'ok' : res.error.code, `${event} ${JSON.stringify(payload)}`).toBe('bad_request');
      }
    }
    expect(ok(await agentCall(socket, 'hello', {})).agent.role).toBe('admin');
  });
});
