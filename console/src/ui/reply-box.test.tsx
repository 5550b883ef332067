// @vitest-environment happy-dom
import { createRef } from 'preact';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { CannedReplyView, KbEntryView } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { ReplyBox, type ReplyBoxProps } from './reply-box.tsx';

const replies: CannedReplyView[] = [
  { id: 'r1', team: true, shortcut: 'hi', title: '问候', text: '您好，我是客服，请问有什么可以帮您？', updatedAt: 1 },
  { id: 'r2', team: true, shortcut: 'wait', title: '感谢等待', text: '感谢您的耐心等待。', updatedAt: 2 },
  { id: 'r3', team: true, shortcut: 'order', title: '索要订单号', text: '请提供您的订单号，我帮您查询。', updatedAt: 3 },
  { id: 'r4', team: false, title: '感谢反馈', text: '感谢您的反馈，我们会尽快改进。', updatedAt: 4 },
];
const entries: KbEntryView[] = [{ id: 'refund', question: '如何申请退款？', answer: '在订单页点击**申请退款**，1–3 个工作日到账。' }];

function setup(props: Partial<ReplyBoxProps> = {}, routes: FakeRoutes = {}) {
  const requests = fakeFetch({
    'GET /api/canned-replies': { body: { replies } },
    'GET /api/kb/entries?lang=zh-CN': { body: { entries } },
    ...routes,
  });
  const onSend = vi.fn();
  const onDraft = vi.fn();
  const inputRef = createRef<HTMLTextAreaElement>();
  render(<ReplyBox conversationId="c1" initialDraft="" inputRef={inputRef} onDraft={onDraft} onSend={onSend} {...props} />);
  const box = screen.getByRole('textbox', { name: '回复' }) as HTMLTextAreaElement;
  return { user: userEvent.setup(), box, onSend, onDraft, requests };
}

/** Typing `/` is only useful once the replies arrived. */
const loaded = (requests: { path: string }[]) => waitFor(() => expect(requests.filter((r) => r.path.startsWith('/api/kb/entries'))).toHaveLength(1));

const options = () => within(screen.getByRole('listbox', { name: '快捷回复' })).getAllByRole('option');
const selected = () => options().filter((o) => o.getAttribute('aria-selected') === 'true');

describe('ReplyBox', () => {
  it('Enter sends the trimmed reply and empties the box; Shift+Enter starts a new line instead', async () => {
    const { user, box, onSend } = setup();
    const send = screen.getByRole('button', { name: '发送' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.type(box, '   ');
    expect(send.disabled).toBe(true);
    await user.clear(box);

    await user.type(box, '第一行{Shift>}{Enter}{/Shift}第二行');
    expect(onSend).not.toHaveBeenCalled();
    expect(box.value).toBe('第一行\n第二行');
    expect(send.disabled).toBe(false);
    await user.type(box, '  {Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('第一行\n第二行');
    expect(box.value).toBe('');
    expect(send.disabled).toBe(true);
  });

  it('refuses a reply longer than a message may be, and says why', async () => {
    const { user, box, onSend } = setup();
    await user.click(box);
    await user.paste('好'.repeat(2001));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('reply-error');
    expect(document.getElementById('reply-error')!.textContent).toBe('消息太长（最多 2000 字）。');
    expect((screen.getByRole('button', { name: '发送' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('typing /感谢 lists the matching canned replies in 快捷回复, the first one highlighted', async () => {
    const { user, box, requests } = setup();
    await loaded(requests);
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(box, '/感谢');
    const titles = options().map((o) => o.textContent);
    expect(titles.some((t) => t?.includes('感谢等待'))).toBe(true);
    expect(titles.some((t) => t?.includes('感谢反馈'))).toBe(true);
    expect(titles.some((t) => t?.includes('索要订单号'))).toBe(false);
    expect(selected()).toEqual([options()[0]]);
    // The textbox says which option is highlighted, for screen readers.
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
  });

  it('arrow keys move the highlight and Enter puts that reply in place of /感谢 without sending', async () => {
    const { user, box, onSend, requests } = setup();
    await loaded(requests);
    await user.type(box, '好的 /感谢');
    const [first, second] = options();
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual([second]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Wraps round from the first to the last.
    expect(selected()).toEqual([options().at(-1)]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()).toEqual([second]);
    const chosen = replies.find((r) => second!.textContent!.includes(r.title))!;
    expect(first!.textContent).not.toContain(chosen.title);

    await user.keyboard('{Enter}');
    expect(box.value).toBe(`好的 ${chosen.text}`);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
    // The next Enter sends the reply as completed.
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith(`好的 ${chosen.text}`);
  });

  it('Escape closes the list and leaves what was typed', async () => {
    const { user, box, requests } = setup();
    await loaded(requests);
    await user.type(box, '/感谢');
    expect(screen.getByRole('listbox', { name: '快捷回复' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.value).toBe('/感谢');
    expect(box.getAttribute('aria-expanded')).toBeNull();
  });

  it('lists knowledge-base answers too, as plain text, and a click inserts one', async () => {
    const { user, box, requests } = setup();
    await loaded(requests);
    await user.type(box, '/退款');
    const answer = options().find((o) => o.textContent!.includes('如何申请退款？'))!;
    expect(answer.textContent).toContain('知识库');
    await user.click(answer);
    expect(box.value).toBe('在订单页点击申请退款，1–3 个工作日到账。');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('saves the typed text as the agent’s own canned reply and offers it from then on', async () => {
    const saved: CannedReplyView = { id: 'r5', team: false, title: '我们已为您补发，请注意查收快递', text: '我们已为您补发，请注意查收快递短信。', updatedAt: 5 };
    let list = replies;
    const { user, box, requests } = setup({}, {
      'GET /api/canned-replies': () => ({ body: { replies: list } }),
      'POST /api/canned-replies': () => ((list = [...replies, saved]), { status: 201, body: { reply: saved } }),
    });
    await loaded(requests);
    await user.type(box, ' 我们已为您补发，请注意查收快递短信。 ');
    await user.click(screen.getByRole('button', { name: '保存为快捷回复' }));
    expect(await screen.findByText('已保存为快捷回复')).toBeTruthy();
    // Titled by its first 20 characters.
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ title: '我们已为您补发，请注意查收快递短信。', text: '我们已为您补发，请注意查收快递短信。' });

    await user.clear(box);
    await user.type(box, '/补发');
    expect((await screen.findAllByRole('option')).some((o) => o.textContent!.includes(saved.text))).toBe(true);
  });

  it('tells the agent when the server refused to save a canned reply', async () => {
    const { user, box } = setup({}, { 'POST /api/canned-replies': { status: 400, body: { code: 'bad_request' } } });
    await user.type(box, '稍等');
    await user.click(screen.getByRole('button', { name: '保存为快捷回复' }));
    expect(await screen.findByText('保存失败，请重试')).toBeTruthy();
  });

  it('with the 内部备注 switch on, the text goes out as a note, not to the visitor', async () => {
    const onNote = vi.fn();
    const { user, box, onSend } = setup({ onNote });
    await user.click(screen.getByRole('checkbox', { name: '内部备注' }));
    expect(screen.queryByRole('button', { name: '发送' })).toBeNull();
    expect(screen.queryByRole('button', { name: '保存为快捷回复' })).toBeNull();
    await user.type(box, '老客户，注意语气');
    await user.click(screen.getByRole('button', { name: '添加备注' }));
    expect(onNote).toHaveBeenCalledWith('老客户，注意语气');
    expect(onSend).not.toHaveBeenCalled();
  });
});
