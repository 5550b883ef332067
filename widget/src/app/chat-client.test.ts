import { describe, expect, it } from 'vitest';
import type { Ack, HandoffRequest, HistoryInput, Message, SendResult, VisitorHello, VisitorConversation, VisitorHelloResult, VisitorSend } from '@kefu/shared';
import { createSafeStorage } from '../common/safe-storage.ts';
import { createChatClient, type VisitorSocket } from './chat-client.ts';

/**
 * A scripted stand-in for the visitor socket: acks come from `server`, and `drop()`/`reconnect()`
 * play a lost connection. It lets the paging rules be checked against conversations of any length
 * without storing hundreds of messages.
 */
function fakeSocket(server: {
  hello(p: VisitorHello): Partial<VisitorHelloResult>;
  history?(p: HistoryInput): { messages: Message[]; hasOlder: boolean };
  /** 'hold': the ack waits in `held` until the test gives it. */
  send?(p: VisitorSend): Ack<SendResult> | 'hold';
  handoff?(p: HandoffRequest): Ack<{ conversation: VisitorConversation }>;
}) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const sent: { event: string; payload: unknown }[] = [];
  const held: { payload: VisitorSend; ack: (res: Ack<SendResult>) => void }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string, payload: never, ack: (res: unknown) => void) {
      sent.push({ event, payload });
      if (event === 'hello') {
        const data = { token: 't', visitorId: 'v1', conversation: { id: 'c1', state: 'bot' }, messages: [], hasOlder: false, welcome: [], ...server.hello(payload) };
        ack({ ok: true, data });
      } else if (event === 'history' && server.history) ack({ ok: true, data: server.history(payload) });
      else if (event === 'send' && server.send) {
        const res = server.send(payload);
        if (res === 'hold') held.push({ payload, ack });
        else ack(res);
      }
      else if (event === 'handoff' && server.handoff) ack(server.handoff(payload));
      return socket;
    },
    connect() {
      socket.connected = true;
      handlers.get('connect')?.();
      return socket;
    },
    disconnect() {
      socket.connected = false;
      handlers.get('disconnect')?.('io client disconnect');
      return socket;
    },
    push(message: Message) {
      handlers.get('message')?.(message);
    },
  };
  return { socket, sent, held };
}

const msg = (seq: number): Message => ({ id: `m${seq}`, conversationId: 'c1', seq, author: seq % 2 ? 'visitor' : 'bot', text: `text ${seq}`, createdAt: seq });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));

function client(fake: ReturnType<typeof fakeSocket>, page = 'https://shop.example/cart', store = createSafeStorage(() => undefined)) {
  return createChatClient({
    config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: 'http://127.0.0.1:1' },
    store,
    createSocket: () => fake.socket as unknown as VisitorSocket,
    page: () => page,
  });
}

const seqs = (c: ReturnType<typeof client>) => c.state.messages.map((m) => m.seq);

describe('chat client paging through a long conversation', () => {
  it('shows the newest page with "load earlier", then prepends older pages until the first message', () => {
    const fake = fakeSocket({
      hello: () => ({ messages: range(501, 1000), hasOlder: true }),
      history: ({ beforeSeq }) => ({ messages: range(Math.max(1, beforeSeq - 500), beforeSeq - 1), hasOlder: beforeSeq - 500 > 1 }),
    });
    const c = client(fake);
    c.start();
    expect(seqs(c)[0]).toBe(501);
    expect(seqs(c).at(-1)).toBe(1000);
    expect(c.state.older).toBe(true);
    c.loadOlder();
    expect(fake.sent.at(-1)).toEqual({ event: 'history', payload: { conversationId: 'c1', beforeSeq: 501 } });
    expect(seqs(c)[0]).toBe(1);
    expect(seqs(c)).toEqual(range(1, 1000).map((m) => m.seq));
    expect(c.state.older).toBe(false);
  });

  it('a short conversation offers no "load earlier"', () => {
    const c = client(fakeSocket({ hello: () => ({ messages: range(1, 3), hasOlder: false }) }));
    c.start();
    expect(c.state.older).toBe(false);
    expect(seqs(c)).toEqual([1, 2, 3]);
  });

  it('after a reconnect that missed a page or less, appends what was missed and keeps "load earlier" as it was', () => {
    let last = 600;
    const fake = fakeSocket({
      hello: (p) => (p.lastSeq === undefined ? { messages: range(101, last), hasOlder: true } : { messages: range(p.lastSeq + 1, last), hasOlder: true }),
    });
    const c = client(fake);
    c.start();
    fake.socket.disconnect();
    last = 650;
    fake.socket.connect();
    expect(fake.sent.filter((s) => s.event === 'hello').at(-1)?.payload).toMatchObject({ lastSeq: 600 });
    expect(seqs(c)).toEqual(range(101, 650).map((m) => m.seq));
    expect(c.state.older).toBe(true);
  });

  it('after a reconnect that missed more than a page, shows the newest page and "load earlier" instead of a silent gap', () => {
    let newest = range(1, 20);
    const fake = fakeSocket({
      hello: () => ({ messages: newest, hasOlder: newest[0]!.seq > 1 }),
      history: ({ beforeSeq }) => ({ messages: range(Math.max(1, beforeSeq - 500), beforeSeq - 1), hasOlder: beforeSeq - 500 > 1 }),
    });
    const c = client(fake);
    c.start();
    expect(c.state.older).toBe(false);
    fake.socket.disconnect();
    newest = range(601, 1100);
    fake.socket.connect();
    expect(seqs(c)).toEqual(range(601, 1100).map((m) => m.seq));
    expect(c.state.older).toBe(true);
    c.loadOlder();
    expect(seqs(c)).toEqual(range(101, 1100).map((m) => m.seq));
    expect(c.state.older).toBe(true);
  });

  it('asks for one older page at a time, and drops one that no longer joins a transcript replaced meanwhile', () => {
    let newest = range(501, 1000);
    const fake = fakeSocket({ hello: () => ({ messages: newest, hasOlder: true }) });
    const c = client(fake);
    c.start();
    const emit = fake.socket.emit;
    let reply: (() => void) | undefined;
    fake.socket.emit = (event: string, payload: never, ack: (res: unknown) => void) => {
      if (event !== 'history') return emit(event, payload, ack);
      fake.sent.push({ event, payload });
      reply = () => ack({ ok: true, data: { messages: range(1, 500), hasOlder: false } });
      return fake.socket;
    };
    c.loadOlder();
    c.loadOlder();
    expect(fake.sent.filter((s) => s.event === 'history')).toHaveLength(1);
    fake.socket.disconnect();
    newest = range(2001, 2500);
    fake.socket.connect();
    reply?.();
    expect(seqs(c)[0]).toBe(2001);
    expect(c.state.older).toBe(true);
  });

  it('sends the host page without its query string or fragment', () => {
    const fake = fakeSocket({ hello: () => ({}) });
    client(fake, 'https://shop.example/checkout/pay?session=abc123&email=a%40b.c#card').start();
    expect(fake.sent[0]?.payload).toMatchObject({ page: 'https://shop.example/checkout/pay' });
    expect(JSON.stringify(fake.sent[0])).not.toMatch(/abc123|email|card/);
  });
});

describe('chat client outbox', () => {
  it('Retry resends a refused message under the same client id; only an accepted one leaves for good', () => {
    let refuse = true;
    const fake = fakeSocket({
      hello: () => ({}),
      send: (p): Ack<SendResult> =>
        refuse
          ? { ok: false, error: { code: 'rate_limited', message: 'slow down' } }
          : { ok: true, data: { message: { ...msg(1), id: p.clientId, text: p.text } } },
    });
    const store = createSafeStorage(() => undefined);
    const c = client(fake, 'https://shop.example/', store);
    c.start();
    c.send('我的订单到哪了', 'faq-order');
    const first = fake.sent.find((s) => s.event === 'send')?.payload as VisitorSend;
    expect(c.state.messages).toMatchObject([{ id: first.clientId, failed: 'rate_limited' }]);
    // A refusal would only be refused again: it does not wait in storage for the next reload.
    expect(store.get('kefu:outbox:demo:v1')).toBeNull();
    refuse = false;
    c.retry(first.clientId);
    const sends = fake.sent.filter((s) => s.event === 'send').map((s) => s.payload);
    expect(sends).toEqual([first, first]);
    expect(first).toMatchObject({ text: '我的订单到哪了', entryId: 'faq-order' });
    expect(c.state.messages).toMatchObject([{ id: first.clientId, seq: 1 }]);
    expect(c.state.messages[0]?.failed).toBeUndefined();
    expect(store.get('kefu:outbox:demo:v1')).toBeNull();
  });

  it('a tap on 转人工客服 right after a question waits for the question to be confirmed, so the server knows what it is about', () => {
    const fake = fakeSocket({
      hello: () => ({}),
      send: () => 'hold',
      handoff: () => ({ ok: true, data: { conversation: { id: 'c1', state: 'queued' } as VisitorConversation } }),
    });
    const c = client(fake);
    c.start();
    c.send('怎么开发票？');
    c.handoff('转人工客服');
    c.send('在吗');
    // The question is out; the request for a human, and what was typed after it, wait for its confirmation.
    expect(fake.sent.filter((s) => s.event !== 'hello').map((s) => s.event)).toEqual(['send']);
    const question = fake.held.shift()!;
    question.ack({ ok: true, data: { message: { ...msg(1), id: question.payload.clientId, text: question.payload.text } } });
    expect(fake.sent.filter((s) => s.event !== 'hello').map((s) => s.event)).toEqual(['send', 'handoff', 'send']);
    expect((fake.sent.at(-1)?.payload as VisitorSend).text).toBe('在吗');
    expect(c.state.conversation?.state).toBe('queued');
  });

  it('a handoff refused for want of the pre-chat form (turned on after this hello) fetches the settings again and asks for the form instead of a failed bubble', () => {
    let mode: 'off' | 'required' = 'off';
    const fake = fakeSocket({
      hello: () => ({ site: { name: 'Shop', preChat: { mode, askName: true, askContact: false, askDepartment: false }, departments: [] } }),
      handoff: () => ({ ok: false, error: { code: 'prechat_required', message: 'this site asks for the pre-chat form first' } }),
    });
    const c = client(fake);
    c.start();
    mode = 'required';
    c.handoff('转人工客服');
    const handoff = fake.sent.find((s) => s.event === 'handoff')?.payload as HandoffRequest;
    expect(c.state.messages.filter((m) => m.failed)).toEqual([]);
    expect(c.state.preChat).toBe(handoff.clientId);
    expect(fake.sent.filter((s) => s.event === 'hello')).toHaveLength(2);
    expect(c.state.site?.preChat.mode).toBe('required');
  });

  it('a message typed before any hello survives a reload and then belongs to the visitor the hello names', () => {
    const store = createSafeStorage(() => undefined);
    const down = fakeSocket({ hello: () => ({}) });
    // The network is down from the start: the socket never connects.
    down.socket.connect = () => down.socket;
    client(down, 'https://shop.example/', store).send('还没连上就写了');
    expect(store.get('kefu:outbox:demo:')).toContain('还没连上就写了');
    const up = fakeSocket({ hello: () => ({ visitorId: 'v9' }) });
    const reloaded = client(up, 'https://shop.example/', store);
    expect(reloaded.state.messages).toMatchObject([{ text: '还没连上就写了', pending: true }]);
    reloaded.start();
    expect(up.sent.filter((s) => s.event === 'send')).toMatchObject([{ payload: { text: '还没连上就写了' } }]);
    expect(store.get('kefu:outbox:demo:')).toBeNull();
    // No acknowledgement yet: it waits under the visitor's own key.
    expect(store.get('kefu:outbox:demo:v9')).toContain('还没连上就写了');
  });
});
