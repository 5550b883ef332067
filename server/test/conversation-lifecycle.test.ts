/** The conversation life cycle as visitors and agents live it: leaving the queue, notices in the reader's language, the queue preview. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, visitorCall } from './support/test-server.ts';

let server: KefuServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await login(server.url);
});
afterAll(() => server.close());
afterEach(closeClients);

async function visitor(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const conversations = recorder<VisitorConversation>(socket, 'conversation');
  const hello = ok(await visitorCall(socket, 'hello', { lang }));
  return { socket, messages, conversations, hello, id: hello.conversation.id };
}

async function agent() {
  const socket = connectAgent(server.url, cookie);
  const queue = recorder<ConversationSummary[]>(socket, 'queue');
  const hello = ok(await agentCall(socket, 'hello', {}));
  return { socket, queue, hello };
}

/** Ends every queued conversation so each test starts with an empty queue. */
afterEach(async () => {
  const a = await agent();
  for (const c of a.hello.queue) await agentCall(a.socket, 'close', { conversationId: c.id });
});

describe('leaving the queue', () => {
  it('the button takes the visitor out of the queue, tells both sides, and the bot answers again', async () => {
    const a = await agent();
    const v = await visitor();
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    await a.queue.next((list) => list.some((c) => c.id === v.id));

    const left = ok(await visitorCall(v.socket, 'leaveQueue', { conversationId: v.id }));
    expect(left.conversation).toMatchObject({ id: v.id, state: 'bot' });
    expect(left.conversation.queuePosition).toBeUndefined();
    const notice = await v.messages.next((m) => m.meta?.notice === 'left_queue');
    expect(notice).toMatchObject({ author: 'system', text: expect.stringContaining('退出排队') });
    await a.queue.next((list) => !list.some((c) => c.id === v.id));

    const asked = ok(await visitorCall(v.socket, 'send', { clientId: 'q1', text: '客服热线是多少' })).message;
    const reply = await v.messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    expect(reply.meta?.decision).toBeDefined();
  });

  it('typing 算了 while waiting leaves the queue; any other words stay in it and become the preview', async () => {
    const a = await agent();
    const v = await visitor();
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    ok(await visitorCall(v.socket, 'send', { clientId: 'w1', text: '我的订单一直没发货' }));
    const waiting = await a.queue.next((list) => list.some((c) => c.id === v.id && c.lastMessage === '我的订单一直没发货'));
    expect(waiting.find((c) => c.id === v.id)?.state).toBe('queued');

    ok(await visitorCall(v.socket, 'send', { clientId: 'w2', text: '算了' }));
    await v.messages.next((m) => m.meta?.notice === 'left_queue');
    await v.conversations.next((c) => c.id === v.id && c.state === 'bot');
    await a.queue.next((list) => !list.some((c) => c.id === v.id));
  });

  it('refuses to leave a queue the conversation is not in, and another visitor\'s conversation looks missing', async () => {
    const v = await visitor();
    const res = await visitorCall(v.socket, 'leaveQueue', { conversationId: v.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const other = await visitor();
    ok(await visitorCall(other.socket, 'handoff', { clientId: 'h1' }));
    const stolen = await visitorCall(v.socket, 'leaveQueue', { conversationId: other.id });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const still = ok(await visitorCall(other.socket, 'sync', { afterSeq: 0 })).messages;
    expect(still.some((m) => m.meta?.notice === 'left_queue')).toBe(false);
    const bad = await visitorCall(v.socket, 'leaveQueue', { conversationId: ['x'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('notices', () => {
  it('carry a code and parameters, and the stored text is in the visitor\'s language', async () => {
    const a = await agent();
    const v = await visitor('en');
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
    const queued = await v.messages.next((m) => m.meta?.notice === 'queued');
    expect(queued.meta?.params).toEqual({ position: 1 });
    expect(queued.text).toMatch(/queue/i);
    expect(queued.text).not.toMatch(/\p{Script=Han}/u);

    ok(await agentCall(a.socket, 'accept', { conversationId: v.id }));
    const assigned = await v.messages.next((m) => m.meta?.notice === 'assigned');
    expect(assigned.meta?.params).toEqual({ agentName: a.hello.agent.name });
    expect(assigned.text).toContain(a.hello.agent.name);
    expect(assigned.text).not.toMatch(/\p{Script=Han}/u);
    ok(await agentCall(a.socket, 'close', { conversationId: v.id }));
    const closed = await v.messages.next((m) => m.meta?.notice === 'closed');
    expect(closed.text).toMatch(/ended/);
  });

  it('an agent cannot close a conversation that is still with the bot', async () => {
    const a = await agent();
    const v = await visitor();
    const res = await agentCall(a.socket, 'close', { conversationId: v.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const after = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 })).messages;
    expect(after.filter((m) => m.author === 'system')).toEqual([]);
  });
});
