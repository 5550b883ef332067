// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'preact/hooks';
import type { Lang, Message, VisitorConversation, VisitorHelloResult } from '@kefu/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorage } from '../common/safe-storage.ts';
import { createChatClient, type ChatClient, type VisitorSocket } from './chat-client.ts';
import { ChatPanel } from './chat-panel.tsx';
import { translator } from './i18n.ts';

/** 07:30 on the visitor's clock; agents start at 09:00. */
const NOW = new Date(2026, 4, 4, 7, 30).getTime();
const NINE = new Date(2026, 4, 4, 9, 0).getTime();

const botConversation: VisitorConversation = { id: 'c1', state: 'bot', ratingPending: false, lastSeq: 2 };
const history: Message[] = [
  { id: 'm1', conversationId: 'c1', seq: 1, author: 'visitor', text: '怎么开发票', createdAt: NOW - 60_000 },
  {
    id: 'm2',
    conversationId: 'c1',
    seq: 2,
    author: 'bot',
    text: '在订单页点击**申请发票**即可。',
    meta: { decision: 'answer', suggestions: [{ id: 'refund', question: '如何申请退款？' }] },
    createdAt: NOW - 59_000,
  },
];

/**
 * The network edge of the widget: a visitor socket whose server side is scripted here. Acks answer
 * at once; `push` plays an event from the server; `emitted` records what the widget sent.
 */
function fakeSocket(hello: Partial<VisitorHelloResult>, answers: Record<string, (payload: never) => unknown> = {}) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const emitted: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string, payload: never, ack?: (res: unknown) => void) {
      emitted.push({ event, payload });
      if (event === 'hello') ack?.({ ok: true, data: { token: 't', visitorId: 'v1', conversation: botConversation, messages: [], hasOlder: false, welcome: [], ...hello } });
      else if (answers[event]) ack?.({ ok: true, data: answers[event](payload) });
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
  };
  const push = (event: string, payload: unknown) => act(() => handlers.get(event)?.(payload));
  return { socket, emitted, push };
}

/** What mount-app does: the panel re-drawn on every change of the real chat client. */
function Panel({ client, lang, onClose }: { client: ChatClient; lang: Lang; onClose(): void }) {
  const [, setDrawn] = useState(0);
  useEffect(() => client.subscribe(() => setDrawn((n) => n + 1)), [client]);
  return <ChatPanel open state={client.state} client={client} lang={lang} t={translator(lang)} onClose={onClose} />;
}

let client: ChatClient | undefined;
afterEach(() => {
  client?.destroy();
  vi.useRealTimers();
});

function open(fake: ReturnType<typeof fakeSocket>, lang: Lang = 'zh-CN') {
  client = createChatClient({
    config: { site: 'demo', lang, color: '', position: 'right', base: 'http://127.0.0.1:1' },
    store: createSafeStorage(() => undefined),
    createSocket: () => fake.socket as unknown as VisitorSocket,
    page: () => 'https://shop.example/cart',
  });
  const onClose = vi.fn();
  render(<Panel client={client} lang={lang} onClose={onClose} />);
  act(() => client!.start());
  return { user: userEvent.setup(), onClose, dialog: screen.getByRole('dialog', { name: '在线客服' }) };
}

const log = () => screen.getByRole('log', { name: '在线客服' });

describe('ChatPanel', () => {
  it('says when human agents are back, on the visitor’s clock, while they are off duty', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { dialog } = open(fakeSocket({ availability: { open: false, opensAt: NINE } }));
    const header = within(dialog).getByRole('heading', { name: '在线客服' }).parentElement!;
    expect(header.textContent).toContain('智能客服 7×24 小时在线');
    expect(header.textContent).toContain('人工客服 09:00 上线');
  });

  it('says agents are online while they are, and names the agent once one has taken the chat', async () => {
    const fake = fakeSocket({ availability: { open: true } });
    const { dialog } = open(fake);
    expect(dialog.textContent).toContain('人工客服在线');
    fake.push('conversation', { ...botConversation, state: 'assigned', agentName: '李雷' });
    expect(dialog.textContent).toContain('客服 李雷 正在为您服务');
    expect(dialog.textContent).not.toContain('人工客服在线');
  });

  it('shows the welcome with its questions as buttons; tapping one asks it', async () => {
    const fake = fakeSocket({ welcome: [{ id: 'hotline', question: '客服热线是多少？' }] });
    const { user } = open(fake);
    expect(log().textContent).toContain('您好！我是智能客服，请问有什么可以帮您？');
    await user.click(within(log()).getByRole('button', { name: '客服热线是多少？' }));
    expect(fake.emitted.find((e) => e.event === 'send')!.payload).toMatchObject({ text: '客服热线是多少？', entryId: 'hotline' });
    // The question shows at once as the visitor's, while it is on its way.
    const mine = within(log()).getAllByRole('article').at(-1)!;
    expect(mine.textContent).toContain('我');
    expect(mine.textContent).toContain('客服热线是多少？');
    expect(mine.textContent).toContain('发送中…');
    // Focus goes back to the message box, not lost with the tapped button.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '输入消息' }));
  });

  it('shows the transcript: the visitor’s words, the bot’s answer without Markdown marks, and its follow-up questions', () => {
    open(fakeSocket({ messages: history }));
    const [welcome, visitor, bot] = within(log()).getAllByRole('article');
    expect(welcome!.textContent).toContain('您好！我是智能客服');
    expect(visitor!.textContent).toContain('怎么开发票');
    expect(bot!.textContent).toContain('智能客服');
    expect(bot!.textContent).toContain('在订单页点击申请发票即可。');
    expect(within(bot!).getByText('申请发票').tagName).toBe('STRONG');
    expect(within(bot!).getByRole('button', { name: '如何申请退款？' })).toBeTruthy();
  });

  it('sends what the visitor typed and shows the reply as it arrives', async () => {
    const fake = fakeSocket({ messages: history }, {
      send: (p: { clientId: string; text: string }) => ({ message: { id: p.clientId, conversationId: 'c1', seq: 3, author: 'visitor', text: p.text, createdAt: NOW } }),
    });
    const { user } = open(fake);
    await user.type(screen.getByRole('textbox', { name: '输入消息' }), '发票多久能开好？{Enter}');
    expect(fake.emitted.find((e) => e.event === 'send')!.payload).toMatchObject({ text: '发票多久能开好？' });
    fake.push('message', { id: 'm4', conversationId: 'c1', seq: 4, author: 'bot', text: '一般 1 个工作日内。', createdAt: NOW });
    const last = within(log()).getAllByRole('article').slice(-2);
    expect(last[0]!.textContent).toContain('发票多久能开好？');
    expect(last[0]!.textContent).not.toContain('发送中…');
    expect(last[1]!.textContent).toContain('一般 1 个工作日内。');
  });

  it('转人工客服 asks for a human; while queued it shows the place and lets the visitor leave', async () => {
    const queued: VisitorConversation = { ...botConversation, state: 'queued', queuePosition: 2 };
    const fake = fakeSocket({}, {
      handoff: (p: { clientId: string }) => ({
        message: { id: p.clientId, conversationId: 'c1', seq: 3, author: 'visitor', text: '转人工客服', meta: { handoff: true }, createdAt: NOW },
        conversation: queued,
      }),
      leaveQueue: () => ({ conversation: botConversation }),
    });
    const { user } = open(fake);
    await user.click(screen.getByRole('button', { name: '转人工客服' }));
    expect(fake.emitted.map((e) => e.event)).toContain('handoff');
    expect(screen.getByRole('status').textContent).toContain('排队中：第 2 位');
    await user.click(screen.getByRole('button', { name: '取消排队' }));
    expect(fake.emitted.at(-1)).toEqual({ event: 'leaveQueue', payload: { conversationId: 'c1' } });
    expect(screen.queryByRole('button', { name: '取消排队' })).toBeNull();
  });

  it('shows the expected wait beside the place in the queue, and keeps it current as the queue moves', async () => {
    const queued: VisitorConversation = { ...botConversation, state: 'queued', queuePosition: 2, queueEtaMinutes: { low: 8, high: 9 } };
    const fake = fakeSocket({ conversation: queued });
    open(fake);
    expect((await screen.findByRole('status')).textContent).toContain('排队中：第 2 位，预计等待 8–9 分钟');
    await fake.push('conversation', { ...queued, queuePosition: 1, queueEtaMinutes: { low: 4, high: 5 } });
    expect(screen.getByRole('status').textContent).toContain('排队中：第 1 位，预计等待 4–5 分钟');
    // No history on the server, no time promised.
    await fake.push('conversation', { ...queued, queuePosition: 1, queueEtaMinutes: undefined });
    expect(screen.getByRole('status').textContent).not.toMatch(/预计|分钟/);
  });

  it('asks for a rating once the agent closed the conversation, and sends it', async () => {
    const closed: VisitorConversation = { ...botConversation, state: 'closed', ratingPending: true, agentName: '李雷' };
    const fake = fakeSocket({ conversation: closed }, { rate: () => ({ conversation: { ...closed, ratingPending: false, rating: 5 } }) });
    const { user } = open(fake);
    const form = within(log()).getByRole('group', { name: '请为本次服务打分' });
    await user.click(within(form).getByRole('radio', { name: '5 星' }));
    await user.type(within(form).getByRole('textbox', { name: '补充意见（选填）' }), '很耐心');
    await user.click(within(form).getByRole('button', { name: '提交评价' }));
    expect(fake.emitted.at(-1)).toEqual({ event: 'rate', payload: { conversationId: 'c1', score: 5, comment: '很耐心' } });
    expect(screen.queryByRole('group', { name: '请为本次服务打分' })).toBeNull();
  });

  it('takes the rating form away as soon as the visitor writes again, before the new conversation is announced', async () => {
    const closed: VisitorConversation = { ...botConversation, state: 'closed', ratingPending: true, agentName: '李雷' };
    const fake = fakeSocket({ conversation: closed, messages: history });
    open(fake);
    const rating = () => screen.queryByRole('group', { name: '请为本次服务打分' });
    expect(rating()).not.toBeNull();
    // The server pushes the new conversation's first line before it announces the conversation itself.
    await fake.push('message', { id: 'n1', conversationId: 'c2', seq: 1, author: 'system', text: '会话已重新开始', meta: { notice: 'reopened' }, createdAt: NOW });
    expect(rating()).toBeNull();
  });

  it('takes the rating form away while the words written after the close are still on their way', async () => {
    const closed: VisitorConversation = { ...botConversation, state: 'closed', ratingPending: true, agentName: '李雷' };
    // No answer to `send`: the message stays pending.
    const fake = fakeSocket({ conversation: closed, messages: history });
    const { user } = open(fake);
    expect(screen.queryByRole('group', { name: '请为本次服务打分' })).not.toBeNull();
    await user.type(screen.getByRole('textbox', { name: '输入消息' }), '还想问一下发票{Enter}');
    expect(fake.emitted.some((e) => e.event === 'send')).toBe(true);
    expect(screen.queryByRole('group', { name: '请为本次服务打分' })).toBeNull();
  });

  it('says when the connection is lost, and Escape minimises the panel', async () => {
    const fake = fakeSocket({});
    const { user, onClose } = open(fake);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => {
      fake.socket.disconnect();
    });
    expect(screen.getByRole('status').textContent).toBe('网络已断开，正在重连…');
    await user.click(screen.getByRole('textbox', { name: '输入消息' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: '最小化' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
