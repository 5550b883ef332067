import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorage } from '../common/safe-storage.ts';
import { createChatClient, type VisitorSocket } from './chat-client.ts';

/** A socket stand-in that answers hello with an assigned conversation and records what is emitted. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const sent: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string, payload: unknown, ack?: (res: unknown) => void) {
      sent.push({ event, payload });
      if (event === 'hello') ack?.({ ok: true, data: { token: 't', visitorId: 'v1', conversation: { id: 'c1', state: 'assigned', agentName: 'Li', lastSeq: 0, ratingPending: false }, messages: [], hasOlder: false, welcome: [] } });
      return socket;
    },
    connect() {
      socket.connected = true;
      handlers.get('connect')?.();
      return socket;
    },
    disconnect() {
      return socket;
    },
    push(event: string, payload: unknown) {
      handlers.get(event)?.(payload);
    },
  };
  return { socket, sent };
}

function started() {
  const fake = fakeSocket();
  const chat = createChatClient({
    config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: 'http://127.0.0.1:1' },
    store: createSafeStorage(() => undefined),
    createSocket: () => fake.socket as unknown as VisitorSocket,
    page: () => 'https://shop.example/',
  });
  chat.start();
  const typingSent = () => fake.sent.filter((s) => s.event === 'typing').map((s) => (s.payload as { typing: boolean }).typing);
  return { fake, chat, typingSent };
}

describe('typing and read in the chat client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends one typing signal per 2 s of keystrokes and a stop 3 s after the last one', () => {
    const { chat, typingSent } = started();
    for (let i = 0; i < 10; i++) {
      chat.typing();
      vi.advanceTimersByTime(150);
    }
    expect(typingSent()).toEqual([true]);
    vi.advanceTimersByTime(1000);
    chat.typing();
    expect(typingSent()).toEqual([true, true]);
    vi.advanceTimersByTime(3000);
    expect(typingSent()).toEqual([true, true, false]);
  });

  it('typing to the bot is not sent and does not hold back the signal once an agent has joined', () => {
    const { fake, chat, typingSent } = started();
    fake.socket.push('conversation', { id: 'c1', state: 'bot', lastSeq: 0, ratingPending: false });
    chat.typing();
    vi.advanceTimersByTime(500);
    expect(typingSent()).toEqual([]);
    // Routed to an agent at once: the very next key reaches their console.
    fake.socket.push('conversation', { id: 'c1', state: 'assigned', agentName: 'Li', lastSeq: 0, ratingPending: false });
    chat.typing();
    expect(typingSent()).toEqual([true]);
  });

  it('shows the agent typing until their message, a stop, or 6 s of silence', () => {
    const { fake, chat } = started();
    fake.socket.push('typing', { conversationId: 'c1', typing: true });
    expect(chat.state.typing).toBe(true);
    fake.socket.push('message', { id: 'a1', conversationId: 'c1', seq: 1, author: 'agent', text: 'hi', createdAt: 1 });
    expect(chat.state.typing).toBe(false);
    fake.socket.push('typing', { conversationId: 'c1', typing: true });
    vi.advanceTimersByTime(5900);
    expect(chat.state.typing).toBe(true);
    vi.advanceTimersByTime(200);
    expect(chat.state.typing).toBe(false);
    // Another conversation's signal is not this one's.
    fake.socket.push('typing', { conversationId: 'c0', typing: true });
    expect(chat.state.typing).toBe(false);
  });

  it('keeps the highest read mark of the current conversation', () => {
    const { fake, chat } = started();
    fake.socket.push('read', { conversationId: 'c1', seq: 4 });
    fake.socket.push('read', { conversationId: 'c1', seq: 2 });
    fake.socket.push('read', { conversationId: 'other', seq: 9 });
    expect(chat.state.read).toBe(4);
  });
});
