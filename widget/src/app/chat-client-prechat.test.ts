import { describe, expect, it } from 'vitest';
import type { PublicSiteSettings } from '@kefu/shared';
import { createSafeStorage } from '../common/safe-storage.ts';
import { createChatClient, type VisitorSocket } from './chat-client.ts';

const SITE: PublicSiteSettings = {
  name: 'Demo',
  themeColor: '#0f766e',
  welcomeText: '欢迎光临 Acme！',
  preChat: { mode: 'required', askName: true, askContact: true, askDepartment: false },
  departments: [],
};

/** A socket whose hello answers with `site` (or fails with `refusal`), which accepts handoffs and records what is sent. */
function fakeSocket(site: PublicSiteSettings | undefined, refusal?: string) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const sent: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string, payload: unknown, ack: (res: unknown) => void) {
      sent.push({ event, payload });
      if (event === 'hello') {
        if (refusal) return ack({ ok: false, error: { code: refusal, message: 'unknown site' } }), socket;
        ack({ ok: true, data: { token: 't', visitorId: 'v1', conversation: { id: 'c1', state: 'bot', ratingPending: false, lastSeq: 0 }, messages: [], hasOlder: false, welcome: [], site } });
      } else if (event === 'handoff') ack({ ok: true, data: {} });
      return socket;
    },
    connect() {
      socket.connected = true;
      handlers.get('connect')?.();
      return socket;
    },
  };
  return { socket, sent };
}

function client(fake: ReturnType<typeof fakeSocket>) {
  return createChatClient({
    config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: 'http://127.0.0.1:1' },
    store: createSafeStorage(() => undefined),
    createSocket: () => fake.socket as unknown as VisitorSocket,
    page: () => 'https://shop.example/',
  });
}

describe('chat client and the site settings', () => {
  it('keeps the site the hello told, and sends the form\'s answers with the handoff', () => {
    const fake = fakeSocket(SITE);
    const c = client(fake);
    c.start();
    expect(c.state.site).toEqual(SITE);
    c.handoff('转人工客服', { name: '李四', contact: 'lisi@example.com' });
    expect(fake.sent.at(-1)).toMatchObject({ event: 'handoff', payload: { preChat: { name: '李四', contact: 'lisi@example.com' } } });
    c.handoff('转人工客服');
    expect((fake.sent.at(-1)?.payload as { preChat?: unknown }).preChat).toBeUndefined();
  });

  it('reads a hello without site settings as no form, and keeps an unknown site\'s refusal', () => {
    const plain = client(fakeSocket(undefined));
    plain.start();
    expect(plain.state.site).toBeUndefined();
    const unknown = client(fakeSocket(undefined, 'not_found'));
    unknown.start();
    expect(unknown.state).toMatchObject({ status: 'offline', error: 'not_found' });
  });
});
