// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'preact/hooks';
import type { Lang, Message, PublicSiteSettings, VisitorHelloResult } from '@kefu/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorage } from '../common/safe-storage.ts';
import type { PreChatRequest } from '../prechat/api.ts';
import { createChatClient, type ChatClient, type VisitorSocket } from './chat-client.ts';
import { ChatPanel } from './chat-panel.tsx';
import { translator } from './i18n.ts';
import { showPreChat } from './prechat-chunk.ts';

// The form itself lives in its own chunk (tested beside it); here only what the panel asks of it.
vi.mock('./prechat-chunk.ts', () => ({ showPreChat: vi.fn() }));
const shown = vi.mocked(showPreChat);

const SITE: PublicSiteSettings = {
  name: 'Acme',
  welcomeText: '欢迎光临 Acme 商城！',
  preChat: { mode: 'required', askName: true, askContact: true, askDepartment: false },
  departments: [],
};
const answered: Message[] = [
  { id: 'm1', conversationId: 'c1', seq: 1, author: 'visitor', text: '客服热线是多少', createdAt: 1 },
  { id: 'm2', conversationId: 'c1', seq: 2, author: 'bot', text: '400-800-1234', meta: { decision: 'answer' }, createdAt: 2 },
];

/** A visitor socket whose hello answers `hello`, or is refused with `refusal`; `emitted` records what the panel sent. */
function fakeSocket(hello: Partial<VisitorHelloResult>, refusal?: string) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const emitted: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string, payload: unknown, ack?: (res: unknown) => void) {
      emitted.push({ event, payload });
      if (event === 'hello') {
        ack?.(
          refusal
            ? { ok: false, error: { code: refusal, message: 'unknown site' } }
            : { ok: true, data: { token: 't', visitorId: 'v1', conversation: { id: 'c1', state: 'bot', ratingPending: false, lastSeq: 0 }, messages: [], hasOlder: false, welcome: [], ...hello } },
        );
      }
      return socket;
    },
    connect() {
      socket.connected = true;
      handlers.get('connect')?.();
      return socket;
    },
    disconnect() {
      socket.connected = false;
      return socket;
    },
  };
  return { socket, emitted };
}

function Panel({ client, lang }: { client: ChatClient; lang: Lang }) {
  const [, setDrawn] = useState(0);
  useEffect(() => client.subscribe(() => setDrawn((n) => n + 1)), [client]);
  return <ChatPanel open state={client.state} client={client} lang={lang} t={translator(lang)} onClose={() => undefined} />;
}

let client: ChatClient | undefined;
afterEach(() => {
  client?.destroy();
  shown.mockClear();
});

function open(fake: ReturnType<typeof fakeSocket>, lang: Lang = 'zh-CN') {
  client = createChatClient({
    config: { site: 'demo', lang, color: '', position: 'right', base: 'http://127.0.0.1:1' },
    store: createSafeStorage(() => undefined),
    createSocket: () => fake.socket as unknown as VisitorSocket,
    page: () => 'https://shop.example/',
  });
  render(<Panel client={client} lang={lang} />);
  act(() => client!.start());
  return { user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

const handoffs = (fake: ReturnType<typeof fakeSocket>) => fake.emitted.filter((e) => e.event === 'handoff');

describe('ChatPanel and the site', () => {
  it('greets with the site\'s own words, and shows the form instead of handing off at once; its answers go with the handoff', async () => {
    const fake = fakeSocket({ site: SITE, messages: answered });
    const { user } = open(fake);
    expect(screen.getByRole('log').textContent).toContain('欢迎光临 Acme 商城！');
    expect(shown).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '转人工客服' }));
    expect(handoffs(fake)).toEqual([]);
    expect(shown).toHaveBeenCalledTimes(1);
    const request = shown.mock.calls[0]![0] as PreChatRequest;
    expect(request).toMatchObject({ site: SITE, lang: 'zh-CN' });
    expect(request.panel.getAttribute('role')).toBe('dialog');
    act(() => request.submit({ name: '李四', contact: 'lisi@example.com' }));
    expect(handoffs(fake)).toEqual([{ event: 'handoff', payload: expect.objectContaining({ preChat: { name: '李四', contact: 'lisi@example.com' } }) }]);
  });

  it('hands off at once once the conversation has been handed off, and without site settings', async () => {
    const earlier: Message = { id: 'h1', conversationId: 'c1', seq: 3, author: 'visitor', text: '转人工客服', meta: { handoff: true }, createdAt: 3 };
    const fake = fakeSocket({ site: SITE, messages: [...answered, earlier] });
    const { user } = open(fake);
    await user.click(screen.getByRole('button', { name: '转人工客服' }));
    expect(shown).not.toHaveBeenCalled();
    expect(handoffs(fake)).toHaveLength(1);
  });

  it('shows the form when the bot asks for it (a typed 转人工 on a site with a form)', () => {
    const ask: Message = { id: 'b3', conversationId: 'c1', seq: 3, author: 'bot', text: '请先填写以下信息。', meta: { preChat: true }, createdAt: 3 };
    open(fakeSocket({ site: SITE, messages: [...answered, ask] }), 'en');
    expect(shown).toHaveBeenCalledTimes(1);
    expect(shown.mock.calls[0]![0]).toMatchObject({ lang: 'en' });
  });

  it('an unknown site: a plain notice, no message box and no buttons but close', () => {
    const { dialog } = open(fakeSocket({}, 'not_found'), 'en');
    expect(dialog.textContent).toContain('Chat is not available');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(within(dialog).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Minimise']);
    expect(within(dialog).queryByRole('log')).toBeNull();
  });
});
