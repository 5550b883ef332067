// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ConversationDetail, ConversationSummary, HandoffCard, InternalNote, Lang, Message } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../test/fake-fetch.ts';
import { translator } from '../i18n/translate.ts';
import { consoleReducer } from '../state/console-reducer.ts';
import { initialConsoleState } from '../state/console-state.ts';
import { ConversationView, type ConversationViewProps } from './conversation-view.tsx';
import { I18nContext } from './i18n-context.ts';

const T0 = Date.now() - 30 * 60_000;
const at = (minutes: number) => T0 + minutes * 60_000;

const summary: ConversationSummary = {
  id: 'c1',
  state: 'assigned',
  visitorId: 'v1',
  visitorName: '访客 3F2A',
  identity: { name: 'Ann', email: 'ann@example.com', userId: '42', verified: true },
  lang: 'zh-CN',
  department: 'billing',
  priority: 0,
  lastSeq: 6,
  createdAt: at(0),
  updatedAt: at(9),
};

const message = (seq: number, over: Partial<Message>): Message => ({ id: `m${seq}`, conversationId: 'c1', seq, author: 'visitor', text: '', createdAt: at(seq), ...over });

const messages: Message[] = [
  message(1, { text: '发票怎么开' }),
  message(2, { author: 'bot', text: '开具**发票**请在订单页点击「申请发票」。', meta: { decision: 'answer', entryId: 'invoice' } }),
  message(3, { text: '我的订单一直没有发货' }),
  message(4, { author: 'bot', text: '抱歉，我没有理解。', meta: { decision: 'decline', offerHuman: true } }),
  // Notices are stored with a fallback text; each viewer reads them from their code in their own language.
  message(5, { author: 'system', text: 'queued', meta: { notice: 'queued', params: { position: 2 } } }),
  message(6, { author: 'system', text: 'transferred', meta: { notice: 'transferred', params: { departmentZh: '账户与账单', departmentEn: 'Accounts & billing' } } }),
  message(8, { author: 'agent', authorName: '李雷', text: '您好，我来帮您查一下。' }),
];

const notes: InternalNote[] = [{ id: 'n1', conversationId: 'c1', agentId: 'a2', authorName: '韩梅梅', text: '老客户，上周也问过发货', createdAt: at(7) }];

const card: HandoffCard = {
  questions: [
    { seq: 1, text: '发票怎么开', createdAt: at(1) },
    { seq: 3, text: '我的订单一直没有发货', createdAt: at(3) },
  ],
  missed: [{ seq: 3, text: '我的订单一直没有发货', createdAt: at(3) }],
  matched: [{ entryId: 'invoice', question: '如何开发票？', questionEn: 'How do I get an invoice?', confidence: 0.87 }],
  identity: { name: 'Ann', email: 'ann@example.com', userId: '42', verified: true },
  page: 'https://shop.example/orders/1001',
  pageTitle: '我的订单',
  lang: 'zh-CN',
  browser: 'Chrome 131 / macOS',
  earlier: [{ id: 'c0', state: 'closed', createdAt: at(-3000), preview: '怎么退货' }],
  tickets: [{ number: 'T20260501-0003', status: 'resolved', createdAt: at(-2000) }],
};

/** The view the console holds after accepting the conversation, made by its own reducer. */
function accepted(detail: Partial<ConversationDetail> = {}) {
  const state = consoleReducer(initialConsoleState, { type: 'accepted', detail: { conversation: summary, messages, hasOlder: false, card, ...detail } });
  return state.conversations.c1!;
}

function show(props: Partial<ConversationViewProps> = {}, lang: Lang = 'zh-CN') {
  fakeFetch({
    'GET /api/departments': { body: { departments: [{ key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: [] }] } },
    'GET /api/canned-replies': { body: { replies: [] } },
    [`GET /api/kb/entries?lang=${lang}`]: { body: { entries: [] } },
  });
  const handlers = { onSend: vi.fn(), onRetry: vi.fn(), onClose: vi.fn(), onRemove: vi.fn(), onLoadOlder: vi.fn(async () => undefined) };
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <ConversationView view={accepted()} closing={false} drafts={new Map()} notes={notes} {...handlers} {...props} />
    </I18nContext.Provider>,
  );
  return handlers;
}

const entries = () => within(screen.getByRole('log', { name: /会话记录|Transcript/ })).getAllByRole('article');

describe('ConversationView', () => {
  it('shows the whole transcript in order, bot turns with the matcher’s decision, notices in the agent’s language', () => {
    show();
    expect(screen.getByRole('heading', { level: 2, name: /访客 3F2A/ }).textContent).toContain('已验证');
    const texts = entries().map((a) => a.textContent);
    expect(entries().map((a) => a.getAttribute('aria-label'))).toEqual(['访客', '机器人', '访客', '机器人', '系统', '系统', '韩梅梅 的内部备注', '李雷']);
    expect(texts[0]).toContain('发票怎么开');
    // Bot answers are Markdown; the console shows them as text without the marks.
    expect(texts[1]).toContain('开具发票请在订单页点击「申请发票」。');
    expect(texts[1]).toContain('回答');
    expect(texts[3]).toContain('未命中');
    expect(texts[4]).toContain('访客请求人工客服，排队第 2 位。');
    expect(texts[5]).toContain('会话已转接至账户与账单。');
    expect(texts[7]).toContain('您好，我来帮您查一下。');
  });

  it('reads the same notices in English to an English-speaking agent', () => {
    show({}, 'en');
    const texts = entries().map((a) => a.textContent);
    expect(texts[4]).toContain('The visitor asked for a human; position 2 in the queue.');
    expect(texts[5]).toContain('The conversation was transferred to Accounts & billing.');
    expect(texts[6]).toContain('Internal note by 韩梅梅');
  });

  it('tells the expected wait a queued visitor was given, in the agent’s language', () => {
    const eta = message(1, { author: 'system', text: 'queued', meta: { notice: 'queued', params: { position: 3, etaMinutes: { low: 3, high: 6 } } } });
    show({ view: accepted({ messages: [eta] }) });
    expect(entries()[0]!.textContent).toContain('访客请求人工客服，排队第 3 位，预计等待 3–6 分钟。');
  });

  it('sets an internal note apart: named as a note, marked as unseen by the visitor, placed by time', () => {
    show();
    const note = screen.getByRole('article', { name: '韩梅梅 的内部备注' });
    expect(note.textContent).toContain('老客户，上周也问过发货');
    expect(note.textContent).toContain('仅客服可见，访客看不到');
    // Styled apart from replies (the stylesheet colours .msg-note).
    expect(note.className).toContain('msg-note');
    expect(screen.getByRole('article', { name: '李雷' }).className).not.toContain('msg-note');
  });

  it('opens on the handoff card: questions with the missed one marked, entries answered with confidence, who the visitor is', () => {
    show();
    const asked = screen.getByRole('region', { name: '访客的问题' });
    const questions = within(asked).getAllByRole('listitem');
    expect(screen.getByText('2 个问题 · 1 个未答出')).toBeTruthy();
    expect(questions[0]!.textContent).toContain('发票怎么开');
    expect(questions[0]!.textContent).not.toContain('机器人未答出');
    expect(questions[1]!.textContent).toContain('我的订单一直没有发货');
    expect(questions[1]!.textContent).toContain('机器人未答出');
    expect(asked.textContent).toContain('如何开发票？');
    expect(asked.textContent).toContain('置信度 87%');

    const who = screen.getByRole('region', { name: '访客' });
    expect(who.textContent).toContain('Ann · ann@example.com · 用户 ID 42');
    expect(who.textContent).toContain('已验证');
    const page = within(who).getByRole('link', { name: '我的订单' });
    expect(page.getAttribute('href')).toBe('https://shop.example/orders/1001');
    expect(page.getAttribute('rel')).toContain('noopener');
    expect(who.textContent).toContain('Chrome 131 / macOS');
    expect(who.textContent).toContain('已结束 · 怎么退货');
    expect(who.textContent).toContain('T20260501-0003 · 已解决');
  });

  it('closes only after the confirm step, and Cancel backs out', async () => {
    const user = userEvent.setup();
    const { onClose } = show();
    await user.click(screen.getByRole('button', { name: '结束会话' }));
    const confirm = screen.getByRole('alertdialog', { name: '结束这个会话？' });
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: '结束会话' }));
    await user.click(screen.getByRole('button', { name: '确认结束' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('a closed conversation has no reply box, and says how the visitor rated it', async () => {
    const view = accepted();
    const { onRemove } = show({ view: { ...view, summary: { ...view.summary, state: 'closed', rating: 4 } } });
    expect(screen.queryByRole('textbox', { name: '回复' })).toBeNull();
    expect(screen.queryByRole('button', { name: '结束会话' })).toBeNull();
    const banner = screen.getByText('会话已结束。').closest('[role="status"]') as HTMLElement;
    expect(banner.textContent).toContain('访客评分：4/5');
    await userEvent.click(within(banner).getByRole('button', { name: '移出列表' }));
    expect(onRemove).toHaveBeenCalledOnce();
  });

  it('sends what the agent typed from the reply box and shows a failed reply with Retry', async () => {
    const user = userEvent.setup();
    const { onSend, onRetry } = show({
      view: { ...accepted(), pending: [{ clientId: 'p1', text: '稍等，我查一下物流', createdAt: at(9), status: 'failed' }] },
    });
    // Opening a conversation puts the cursor in the reply box.
    const box = screen.getByRole('textbox', { name: '回复' });
    expect(document.activeElement).toBe(box);
    const failed = entries().at(-1)!;
    expect(failed.textContent).toContain('稍等，我查一下物流');
    expect(failed.textContent).toContain('发送失败');
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledWith('p1');

    await user.type(box, '已经为您加急处理{Enter}');
    expect(onSend).toHaveBeenCalledWith('已经为您加急处理');
  });
});
