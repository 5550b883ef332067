// @vitest-environment happy-dom
import type { Ack, ComplaintConfirmation, Message, TicketReplyPush, VisitorTicket, VisitorTicketDetail } from '@kefu/shared';
import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostPanel, TicketsHost } from './api.ts';
import { attach } from './main.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CREATED = Date.UTC(2026, 10, 30, 6, 0);

const ticket = (over: Partial<VisitorTicket> = {}): VisitorTicket => ({
  number: 'T20261130-0001',
  title: '系统崩溃两天了，数据全丢了！',
  kind: 'complaint',
  tier: 'urgent',
  status: 'open',
  department: { zh: '投诉与建议', en: 'Complaints & suggestions' },
  owner: '主管王',
  nextDueAt: CREATED + 24 * HOUR,
  clocks: [
    { clock: 'response', dueAt: CREATED + 24 * HOUR, met: false },
    { clock: 'acceptance', dueAt: CREATED + DAY, met: false },
    { clock: 'investigation', targetAt: CREATED + 3 * DAY, dueAt: CREATED + 5 * DAY, met: false },
    { clock: 'reply', targetAt: CREATED + 9 * DAY, dueAt: CREATED + 14 * DAY, met: false },
  ],
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

/** The app's chat client as the chunk sees it, with the socket scripted: each event answers from `answers`. */
function fakeHost(answers: Record<string, (payload: unknown) => Ack<unknown>>) {
  const sent: { event: string; payload: unknown }[] = [];
  const listeners = new Set<() => void>();
  let onReply: ((push: TicketReplyPush) => void) | undefined;
  const state = { status: 'online', messages: [] as Message[] };
  const host: TicketsHost = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    io: {
      emit(event, payload, ack) {
        sent.push({ event, payload });
        queueMicrotask(() => ack(answers[event]?.(payload) ?? { ok: false, error: { code: 'not_found', message: 'no' } }));
      },
      on(_event, listener) {
        onReply = listener;
      },
    },
  };
  return {
    host,
    sent,
    push: (p: TicketReplyPush) => onReply?.(p),
    say(message: Message) {
      state.messages = [...state.messages, message];
      for (const l of listeners) l();
    },
  };
}

/** A panel as the app draws it: header with its close button, transcript, composer. */
function panel(): HostPanel {
  const p = document.createElement('div') as HostPanel;
  p.setAttribute('role', 'dialog');
  p.innerHTML = '<header class="h"><h2>在线客服</h2><button type="button" aria-label="最小化">x</button></header><div class="lg"></div><div class="ft"><textarea></textarea></div>';
  document.body.append(p);
  return p;
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
});

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

describe('tickets part', () => {
  it('a typed 我要投诉 opens the form with the text and 紧急; submitting shows number, tier, response time and the timeline; 我的工单 lists it 待处理', async () => {
    const user = userEvent.setup();
    const confirmation: ComplaintConfirmation = {
      ticket: ticket(),
      replies: [{ author: 'customer', text: '系统崩溃两天了，数据全丢了！', createdAt: CREATED }],
      responseClock: 'response',
      responseDueAt: CREATED + 24 * HOUR,
      responseWithin: { amount: 24, unit: 'hours' },
    };
    const fake = fakeHost({ complain: () => ok(confirmation), myTickets: () => ok({ tickets: [ticket()] }) });
    const p = panel();
    attach(p, fake.host, 'zh-CN');
    const ui = within(p);
    expect(ui.getByRole('button', { name: '我的工单' })).toBeTruthy();

    fake.say({ id: 'b1', conversationId: 'c1', seq: 2, author: 'bot', text: '请填写下面的投诉表单', createdAt: Date.now(), meta: { complaint: { kind: 'complaint', tier: 'urgent', text: '系统崩溃两天了，数据全丢了！' } } });
    expect(ui.getByRole('heading', { name: '投诉' })).toBeTruthy();
    expect((ui.getByLabelText('发生了什么') as HTMLTextAreaElement).value).toBe('系统崩溃两天了，数据全丢了！');
    expect((ui.getByRole('radio', { name: '紧急' }) as HTMLInputElement).checked).toBe(true);
    expect(ui.getByText('根据您的描述建议为“紧急”，可修改。')).toBeTruthy();
    // The transcript and composer give way to the form.
    expect(p.classList.contains('kto')).toBe(true);

    await user.click(ui.getByRole('button', { name: '提交投诉' }));
    expect(ui.getByText('请填写有效的手机号或邮箱')).toBeTruthy();
    expect(fake.sent.filter((s) => s.event === 'complain')).toHaveLength(0);
    await user.type(ui.getByLabelText('联系方式'), 'wang@example.com');
    await user.click(ui.getByRole('checkbox', { name: /重大投诉/ }));
    await user.click(ui.getByRole('button', { name: '提交投诉' }));
    expect(fake.sent.find((s) => s.event === 'complain')!.payload).toEqual({ kind: 'complaint', text: '系统崩溃两天了，数据全丢了！', contact: 'wang@example.com', tier: 'urgent', major: true });

    expect(await ui.findByRole('heading', { name: '投诉已提交' })).toBeTruthy();
    expect(ui.getByText('T20261130-0001')).toBeTruthy();
    expect(ui.getByText(/我们将在 24 小时内响应/)).toBeTruthy();
    expect(ui.getAllByText('紧急').length).toBeGreaterThan(0);
    expect(ui.getByText('主管王（投诉与建议）')).toBeTruthy();
    const steps = within(p.querySelector('.kt-tl') as HTMLElement).getAllByRole('listitem').map((li) => li.firstChild!.textContent);
    expect(steps).toEqual(['初步响应', '受理', '调查核实', '处理反馈']);

    await user.click(ui.getByRole('button', { name: '我的工单' }));
    const row = await ui.findByRole('button', { name: /T20261130-0001/ });
    expect(row.textContent).toContain('待处理');
    // The bot's ask opens the form once: the same reply seen again does not.
    fake.say({ id: 'v3', conversationId: 'c1', seq: 3, author: 'visitor', text: '好的', createdAt: Date.now() });
    expect(ui.queryByRole('heading', { name: '投诉' })).toBeNull();
  });

  it('changes the proposed tier as the text changes until the visitor picks one; suggestions have no tier', async () => {
    const user = userEvent.setup();
    const fake = fakeHost({ proposeTier: (p) => ok({ tier: /用不了/.test((p as { text: string }).text) ? 'severe' : 'normal' }), myTickets: () => ok({ tickets: [] }) });
    const p = panel();
    attach(p, fake.host, 'zh-CN');
    const ui = within(p);
    await user.click(ui.getByRole('button', { name: '我的工单' }));
    expect(await ui.findByText('您还没有工单。')).toBeTruthy();
    await user.click(ui.getByRole('button', { name: '我要投诉' }));
    expect((ui.getByRole('radio', { name: '一般' }) as HTMLInputElement).checked).toBe(true);
    await user.type(ui.getByLabelText('发生了什么'), '导出功能用不了');
    await vi.waitFor(() => expect((ui.getByRole('radio', { name: '严重' }) as HTMLInputElement).checked).toBe(true));
    await user.click(ui.getByRole('radio', { name: '一般' }));
    await user.type(ui.getByLabelText('发生了什么'), '，好几天了');
    await new Promise((r) => setTimeout(r, 700));
    expect((ui.getByRole('radio', { name: '一般' }) as HTMLInputElement).checked).toBe(true);

    await user.click(ui.getByRole('button', { name: '我的工单' }));
    await user.click(await ui.findByRole('button', { name: '提建议' }));
    expect(ui.getByRole('heading', { name: '建议' })).toBeTruthy();
    expect(ui.queryByRole('radio')).toBeNull();
    await user.click(ui.getByRole('button', { name: '返回对话' }));
    expect(p.querySelector('.ktk')).toBeNull();
    expect(p.classList.contains('kto')).toBe(false);
    expect(document.activeElement).toBe(ui.getByRole('button', { name: '我的工单' }));
  });

  it('shows a badge when an agent answers, cleared by opening 我的工单; a ticket shows status, owner, replies and takes more information (English)', async () => {
    const user = userEvent.setup();
    const answered = ticket({ status: 'in_progress', lastReplyAt: CREATED + HOUR, title: 'Data lost' });
    const detail: VisitorTicketDetail = {
      ticket: answered,
      replies: [
        { author: 'customer', text: 'Data lost', createdAt: CREATED },
        { author: 'agent', name: 'Ann', text: 'We are restoring your backup.', createdAt: CREATED + HOUR },
      ],
    };
    const fake = fakeHost({
      myTickets: () => ok({ tickets: [answered] }),
      ticket: () => ok(detail),
      addTicketInfo: (p) => ok({ ...detail, replies: [...detail.replies, { author: 'customer', text: (p as { text: string }).text, createdAt: CREATED + 2 * HOUR }] }),
    });
    const p = panel();
    attach(p, fake.host, 'en');
    const ui = within(p);
    // The answer that came while away shows at once.
    await vi.waitFor(() => expect(ui.getByRole('button', { name: /My tickets/ }).textContent).toContain('new reply'));
    await user.click(ui.getByRole('button', { name: /My tickets/ }));
    expect(ui.getByRole('button', { name: /^My tickets/ }).textContent).toBe('My tickets');
    // Seen: a later push of the same answer shows nothing; a new one does.
    fake.push({ at: CREATED + HOUR });
    expect(p.querySelector('.kbd')).toBeNull();

    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    expect(await ui.findByText('We are restoring your backup.')).toBeTruthy();
    expect(ui.getByText('In progress')).toBeTruthy();
    expect(ui.getByText('主管王 (Complaints & suggestions)')).toBeTruthy();
    await user.type(ui.getByLabelText('Add information'), 'It happened after the 3.2 update.');
    await user.click(ui.getByRole('button', { name: 'Send' }));
    expect(fake.sent.at(-1)).toEqual({ event: 'addTicketInfo', payload: { number: 'T20261130-0001', text: 'It happened after the 3.2 update.' } });
    expect(await ui.findByText('It happened after the 3.2 update.')).toBeTruthy();

    await user.click(ui.getByRole('button', { name: 'Back to chat' }));
    fake.push({ number: 'T20261130-0001', at: Date.now() + 1000 });
    expect(ui.getByRole('button', { name: /My tickets/ }).textContent).toContain('new reply');
  });

  it('confirms a suggestion in English with its acceptance promise, in the singular', async () => {
    const user = userEvent.setup();
    const idea = ticket({ kind: 'suggestion', tier: 'normal', owner: undefined, title: 'Dark mode', clocks: [{ clock: 'acceptance', dueAt: CREATED + DAY, met: false }] });
    const fake = fakeHost({ complain: () => ok({ ticket: idea, replies: [], responseClock: 'acceptance', responseDueAt: CREATED + DAY, responseWithin: { amount: 1, unit: 'workingDays' } }) });
    const p = panel();
    attach(p, fake.host, 'en');
    const ui = within(p);
    fake.say({ id: 'b9', conversationId: 'c1', seq: 2, author: 'bot', text: 'Thanks', createdAt: Date.now(), meta: { complaint: { kind: 'suggestion', tier: 'normal', text: 'Dark mode please' } } });
    expect(ui.queryByRole('radio')).toBeNull();
    await user.type(ui.getByLabelText('Contact'), '13800138000');
    await user.click(ui.getByRole('button', { name: 'Submit suggestion' }));
    expect(await ui.findByRole('heading', { name: 'Suggestion received' })).toBeTruthy();
    expect(ui.getByText(/^We will accept it within 1 working day \(by /)).toBeTruthy();
    expect(ui.getByText('Complaints & suggestions · Not assigned yet')).toBeTruthy();
  });

  it('lists the ticket’s files and each reply’s; 添加附件 checks type and size, then uploads with the visitor’s token and sends the ids with the information', async () => {
    const user = userEvent.setup({ applyAccept: false });
    localStorage.setItem('kefu:token:demo', 'tok-1');
    const chat = { id: 'c1.000000000000000000000001', name: '订单页截图.png', type: 'image/png' as const, size: 2048, origin: 'conversation' as const, author: 'customer' as const, createdAt: CREATED, url: '/api/files/c1.000000000000000000000001?e=1&s=x' };
    const detail: VisitorTicketDetail = { ticket: ticket({ status: 'in_progress' }), replies: [{ author: 'customer', text: '系统崩溃两天了，数据全丢了！', createdAt: CREATED }], files: [chat] };
    const added = { id: 't1.000000000000000000000002', name: '错误日志.pdf', type: 'application/pdf' as const, size: 1_200_000, origin: 'ticket' as const, author: 'customer' as const, createdAt: CREATED + HOUR, url: '/api/ticket-files/T20261130-0001/t1.000000000000000000000002?e=1&s=y' };
    const fake = fakeHost({
      ticket: () => ok(detail),
      myTickets: () => ok({ tickets: [ticket()] }),
      addTicketInfo: (p) => ok({ ...detail, files: [chat, added], replies: [...detail.replies, { author: 'customer', text: (p as { text: string }).text, files: [added], createdAt: CREATED + HOUR }] }),
    });
    const uploads: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      uploads.push({ url, headers: init.headers as Record<string, string> });
      return new Response(JSON.stringify({ file: { id: added.id, name: added.name, type: added.type, size: added.size } }), { status: 201 });
    });
    const p = panel();
    attach(p, fake.host, 'zh-CN');
    const ui = within(p);
    await user.click(ui.getByRole('button', { name: '我的工单' }));
    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    const files = await ui.findByRole('list', { name: '附件' });
    const link = within(files).getByRole('link', { name: '查看 订单页截图.png（2 KB）' });
    expect(link.getAttribute('href')).toBe(chat.url);

    const picker = p.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(ui.getByRole('button', { name: '添加附件' }).getAttribute('aria-describedby')).toBe('ktk-fh');
    await user.upload(picker, new File(['<html>'], 'page.html', { type: 'text/html' }));
    const error = p.querySelector('.kt-f [role=alert]')!;
    expect(error.textContent).toBe('page.html: 不支持该文件类型');
    await user.upload(picker, new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
    expect(error.textContent).toBe('huge.png: 文件不能超过 10 MB');
    await user.upload(picker, new File(['%PDF-1.4'], '错误日志.pdf', { type: 'application/pdf' }));
    expect(within(ui.getByRole('list', { name: '待提交的附件' })).getByText('错误日志.pdf')).toBeTruthy();
    expect(ui.getByRole('button', { name: '移除 错误日志.pdf' })).toBeTruthy();

    await user.type(ui.getByLabelText('补充信息'), '补充错误日志');
    await user.click(ui.getByRole('button', { name: '提交' }));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.url).toBe('/api/ticket-files/T20261130-0001');
    expect(uploads[0]!.headers).toMatchObject({ authorization: 'Bearer tok-1', 'x-file-name': encodeURIComponent('错误日志.pdf') });
    expect(fake.sent.at(-1)).toEqual({ event: 'addTicketInfo', payload: { number: 'T20261130-0001', text: '补充错误日志', files: [added.id] } });
    const reply = await ui.findByRole('list', { name: /^附件 · 我/ });
    const download = within(reply).getByRole('link', { name: '下载 错误日志.pdf（1.1 MB）' });
    expect(download.getAttribute('download')).toBe('错误日志.pdf');
    vi.unstubAllGlobals();
  });
});
