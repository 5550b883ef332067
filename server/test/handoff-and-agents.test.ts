/** Handoff to the queue, two agents racing to accept, replies, closing and the rating. */
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

async function visitor() {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const conversations = recorder<VisitorConversation>(socket, 'conversation');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
  return { socket, messages, conversations, hello };
}

async function agent() {
  const socket = connectAgent(server.url, cookie);
  const queue = recorder<ConversationSummary[]>(socket, 'queue');
  const messages = recorder<Message>(socket, 'message');
  const hello = ok(await agentCall(socket, 'hello', {}));
  return { socket, queue, messages, hello };
}

/** Takes every queued conversation so each test starts with an empty queue. */
async function drainQueue(): Promise<void> {
  const a = await agent();
  for (const c of a.hello.queue) await agentCall(a.socket, 'close', { conversationId: c.id });
}

describe('handoff', () => {
  afterEach(drainQueue);

  it('typing 转人工客服 queues the conversation with its position and tells the agents', async () => {
    const a = await agent();
    const v = await visitor();
    const q = await agentCall(a.socket, 'hello', {});
    expect(ok(q).queue).toEqual([]);
    const sent = ok(await visitorCall(v.socket, 'send', { clientId: 'h1', text: '转人工客服' })).message;
    const notice = await v.messages.next((m) => m.meta?.notice === 'queued');
    expect(notice).toMatchObject({ author: 'system', seq: sent.seq + 1, meta: { notice: 'queued', params: { position: 1 } } });
    expect(notice.text).toContain('第 1 位');
    const update = await v.conversations.next((c) => c.state === 'queued');
    expect(update.queuePosition).toBe(1);
    const queue = await a.queue.next((list) => list.length === 1);
    expect(queue[0]).toMatchObject({ id: v.hello.conversation.id, state: 'queued', department: 'general', priority: 0 });
    // Nothing asked before the request: no preview rather than the request or the bot's notice.
    expect(queue[0]?.lastMessage).toBeUndefined();
  });

  it('the button stores 转人工客服, keeps the last answered department, and a second visitor waits behind', async () => {
    const first = await visitor();
    const asked = ok(await visitorCall(first.socket, 'send', { clientId: 'q1', text: '怎么开发票？' })).message;
    await first.messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    const res = ok(await visitorCall(first.socket, 'handoff', { clientId: 'b1' }));
    expect(res.conversation).toMatchObject({ state: 'queued', queuePosition: 1 });
    const again = ok(await visitorCall(first.socket, 'handoff', { clientId: 'b1' }));
    expect(again.conversation.queuePosition).toBe(1);

    const second = await visitor();
    const res2 = ok(await visitorCall(second.socket, 'handoff', { clientId: 'b1' }));
    expect(res2.conversation.queuePosition).toBe(2);

    const transcript = ok(await visitorCall(first.socket, 'sync', { afterSeq: 0 })).messages;
    expect(transcript.filter((m) => m.text === '转人工客服')).toHaveLength(1);
    const a = await agent();
    expect(a.hello.queue.map((c) => [c.id, c.department])).toEqual([
      [first.hello.conversation.id, 'billing'],
      [second.hello.conversation.id, 'general'],
    ]);
    // The queue previews the visitor's own question, not the button or the bot's notice.
    expect(a.hello.queue[0]?.lastMessage).toBe('怎么开发票？');
    // The first leaves the queue; the second is told it is now next.
    ok(await agentCall(a.socket, 'accept', { conversationId: first.hello.conversation.id }));
    const moved = await second.conversations.next((c) => c.queuePosition === 1);
    expect(moved.state).toBe('queued');
  });
});

describe('agents', () => {
  it('two agents accept at once: one gets the transcript, the other a conflict', async () => {
    const v = await visitor();
    const asked = ok(await visitorCall(v.socket, 'send', { clientId: 'x1', text: '客服热线是多少？' })).message;
    await v.messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'x2' }));
    const [a1, a2] = [await agent(), await agent()];
    const id = v.hello.conversation.id;
    const results = await Promise.all([agentCall(a1.socket, 'accept', { conversationId: id }), agentCall(a2.socket, 'accept', { conversationId: id })]);
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses.map((r) => !r.ok && r.error.code)).toEqual(['conflict']);
    const detail = wins[0]!.ok ? wins[0]!.data : undefined;
    expect(detail?.conversation).toMatchObject({ state: 'assigned', assignedAgentName: 'Admin' });
    expect(detail?.messages.map((m) => m.author)).toEqual(['visitor', 'bot', 'visitor', 'system', 'system']);
    const assigned = await v.conversations.next((c) => c.state === 'assigned');
    expect(assigned.agentName).toBe('Admin');
    await a1.queue.next((q) => q.length === 0);
    await agentCall(a1.socket, 'close', { conversationId: id });
  });

  it('agent and visitor talk, the agent closes, the visitor rates once', async () => {
    const v = await visitor();
    ok(await visitorCall(v.socket, 'send', { clientId: 'y1', text: '转人工' }));
    await v.messages.next((m) => m.meta?.notice === 'queued');
    const a = await agent();
    const id = v.hello.conversation.id;
    ok(await agentCall(a.socket, 'accept', { conversationId: id }));

    const reply = ok(await agentCall(a.socket, 'send', { conversationId: id, clientId: 'r1', text: '您好，我是客服小王。' })).message;
    expect(ok(await agentCall(a.socket, 'send', { conversationId: id, clientId: 'r1', text: '您好，我是客服小王。' })).message).toEqual(reply);
    const got = await v.messages.next((m) => m.author === 'agent');
    expect(got).toMatchObject({ text: '您好，我是客服小王。', authorName: 'Admin', seq: reply.seq });

    const question = ok(await visitorCall(v.socket, 'send', { clientId: 'y2', text: '我的发票开不出来' })).message;
    const atAgent = await a.messages.next((m) => m.id === 'y2');
    expect(atAgent.seq).toBe(question.seq);
    await new Promise((r) => setTimeout(r, 100));
    expect(v.messages.seen.filter((m) => m.author === 'bot' && m.seq > question.seq)).toEqual([]);

    const early = await visitorCall(v.socket, 'rate', { conversationId: id, score: 5 });
    expect(!early.ok && early.error.code).toBe('invalid_state');

    const closed = ok(await agentCall(a.socket, 'close', { conversationId: id }));
    expect(closed.conversation.state).toBe('closed');
    await v.messages.next((m) => m.meta?.notice === 'closed');
    const pending = await v.conversations.next((c) => c.state === 'closed');
    expect(pending.ratingPending).toBe(true);

    const rated = ok(await visitorCall(v.socket, 'rate', { conversationId: id, score: 4, comment: '很及时' }));
    expect(rated.conversation).toMatchObject({ ratingPending: false, rating: 4 });
    await v.messages.next((m) => m.meta?.notice === 'rating_thanks');
    const twice = await visitorCall(v.socket, 'rate', { conversationId: id, score: 1 });
    expect(!twice.ok && twice.error.code).toBe('invalid_state');

    // The next message starts a new conversation with the bot, linked to the closed one (which stays closed and rated).
    const back = ok(await visitorCall(v.socket, 'send', { clientId: 'y3', text: '客服热线是多少？' })).message;
    expect(back.conversationId).not.toBe(id);
    const notice = await v.messages.next((m) => m.meta?.notice === 'reopened');
    expect(notice).toMatchObject({ conversationId: back.conversationId, seq: back.seq - 1 });
    await v.messages.next((m) => m.author === 'bot' && m.conversationId === back.conversationId && m.seq > back.seq);
    const opened = ok(await agentCall(a.socket, 'open', { conversationId: back.conversationId }));
    expect(opened.conversation).toMatchObject({ state: 'bot', previousConversationId: id });
    expect(ok(await agentCall(a.socket, 'open', { conversationId: id })).conversation).toMatchObject({ state: 'closed', rating: 4 });
  });

  it('only the assigned agent may reply; a closed conversation takes no agent message', async () => {
    const v = await visitor();
    const id = v.hello.conversation.id;
    const a = await agent();
    const early = await agentCall(a.socket, 'send', { conversationId: id, clientId: 'z1', text: '你好' });
    expect(!early.ok && early.error.code).toBe('invalid_state');
    const missing = await agentCall(a.socket, 'accept', { conversationId: 'no-such-conversation' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const notQueued = await agentCall(a.socket, 'accept', { conversationId: id });
    expect(!notQueued.ok && notQueued.error.code).toBe('invalid_state');
  });
});
