// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Ticket, TicketDetail, TicketEvent } from '@kefu/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { NOW, agents, clock, departments, event, plainAgent, supervisor, ticket } from '../../test/ticket-fixtures.ts';
import { TicketDetailView } from './ticket-detail.tsx';
import { TicketFeed } from './ticket-feed.ts';

const MIN = 60_000;
const PATH = '/api/tickets/T20261130-0001';

const thread: TicketEvent[] = [
  event({
    type: 'created',
    createdAt: NOW - 30 * MIN,
    transcript: [
      { author: 'visitor', text: '系统打不开了', createdAt: NOW - 40 * MIN },
      { author: 'bot', text: '您可以试试清除缓存', createdAt: NOW - 39 * MIN },
    ],
  }),
  event({ type: 'reply', public: true, author: { kind: 'agent', id: 'a2', name: '韩梅梅' }, text: '您好，我们正在排查。', createdAt: NOW - 20 * MIN }),
  event({ type: 'note', author: { kind: 'agent', id: 'a2', name: '韩梅梅' }, text: '疑似数据库主从切换导致', createdAt: NOW - 15 * MIN }),
  event({ type: 'assignment', author: { kind: 'agent', id: 'a1', name: '李雷' }, from: 'a1', to: 'a2', toName: '韩梅梅', createdAt: NOW - 25 * MIN }),
  event({ type: 'status', public: true, author: { kind: 'agent', id: 'a2', name: '韩梅梅' }, from: 'open', to: 'in_progress', text: '已开始处理', createdAt: NOW - 12 * MIN }),
  event({ type: 'sla', clock: 'response', level: 'at_risk', createdAt: NOW - 11 * MIN }),
  event({ type: 'reply', public: true, author: { kind: 'customer', name: '王芳' }, text: '补充：是从昨晚开始的', createdAt: NOW - 5 * MIN }),
];

const open = ticket({
  status: 'in_progress',
  sla: 'at_risk',
  clocks: [
    clock({ clock: 'response', dueAt: NOW - 40 * MIN, met: true }),
    clock({ clock: 'diagnosis', dueAt: NOW + 5 * MIN, state: 'at_risk', used: 0.9 }),
    clock({ clock: 'solution', dueAt: NOW + 3 * 60 * MIN }),
    clock({ clock: 'fix', dueAt: undefined, paused: true }),
  ],
});

function setup(detail: TicketDetail, routes: FakeRoutes = {}, feed?: TicketFeed, me: typeof supervisor | typeof plainAgent = supervisor) {
  const requests = fakeFetch({ [`GET ${PATH}`]: { body: detail }, ...routes });
  render(<TicketDetailView number="T20261130-0001" me={me} agents={agents} departments={departments} now={NOW} feed={feed} />);
  return { user: userEvent.setup(), requests, writes: () => requests.filter((r) => r.method !== 'GET') };
}

const entries = () => within(screen.getByRole('region', { name: '处理记录' })).getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('ticket-thread'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TicketDetailView', () => {
  it('shows the number, title, badges, facts and every clock with its state', async () => {
    setup({ ticket: open, events: thread });
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('T20261130-0001 系统崩溃，数据丢失');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const head = heading.parentElement!;
    for (const badge of ['处理中', '紧急', '即将超时']) expect(within(head).getByText(badge)).toBeTruthy();
    const facts = document.querySelector('dl.ticket-facts')!;
    expect(facts.textContent).toContain('客户王芳wang@example.com13800000000');
    expect(facts.textContent).toContain('处理人韩梅梅');
    expect(facts.textContent).toContain('部门技术支持');
    expect(facts.textContent).toContain('套餐专业版');
    expect(facts.textContent).toContain('类型故障');
    expect(screen.getByRole('region', { name: '问题描述' }).textContent).toContain('今天早上开始系统打不开，\n昨天的数据全没了。');

    const clocks = within(screen.getByRole('table'));
    const rowOf = (name: string) => clocks.getByRole('rowheader', { name }).closest('tr')!;
    expect(rowOf('响应').textContent).toContain('已达成');
    expect(rowOf('初步诊断').textContent).toContain('5分钟后到期');
    expect(within(rowOf('初步诊断')).getByText('即将超时')).toBeTruthy();
    expect(rowOf('解决方案').textContent).toContain('3小时后到期');
    expect(rowOf('解决方案').textContent).toContain('正常');
    expect(rowOf('完全修复').textContent).toContain('已暂停（等待客户）');
  });

  it('shows the thread oldest first, notes labelled and set apart from public replies, changes as short lines, the transcript folded', async () => {
    setup({ ticket: open, events: [...thread, event({ type: 'reply', public: true, author: { kind: 'customer' }, text: '截图已发', createdAt: NOW - 4 * MIN })] });
    await screen.findByRole('heading', { level: 2 });
    const items = entries();
    expect(items.map((li) => /\btk-(created|assignment|reply|note|status|sla)\b/.exec(li.className)?.[1])).toEqual(['created', 'assignment', 'reply', 'note', 'status', 'sla', 'reply', 'reply']);
    expect(items[0]!.textContent).toContain('工单已创建');
    expect(items[1]!.textContent).toContain('李雷 将工单分配给 韩梅梅');
    expect(items[2]!.textContent).toContain('公开回复韩梅梅');
    expect(items[2]!.textContent).toContain('您好，我们正在排查。');
    expect(items[3]!.textContent).toContain('内部备注 · 仅客服可见');
    expect(items[3]!.textContent).toContain('疑似数据库主从切换导致');
    expect(items[3]!.className).not.toBe(items[2]!.className);
    expect(items[4]!.textContent).toContain('韩梅梅 将状态由“待处理”改为“处理中”');
    expect(items[4]!.textContent).toContain('已开始处理');
    expect(items[5]!.textContent).toContain('响应时限即将超时（已用 80%）');
    expect(items[6]!.textContent).toContain('客户王芳');
    // A customer who gave no name is not named twice.
    expect(items[7]!.textContent).toContain('客户');
    expect(items[7]!.textContent).not.toContain('客户客户');

    const transcript = within(items[0]!).getByText('会话记录（2 条）').closest('details')!;
    expect(transcript.open).toBe(false);
    expect(transcript.textContent).toContain('系统打不开了');
  });

  it('shows a change of plan or priority support as a short line', async () => {
    setup({
      ticket: open,
      events: [
        event({ type: 'plan', author: { kind: 'agent', id: 'a1', name: '李雷' }, from: 'free', to: 'enterprise', fromPriority: false, toPriority: true, createdAt: NOW - MIN }),
        event({ type: 'plan', author: { kind: 'agent', id: 'a1', name: '李雷' }, from: 'enterprise', to: 'basic', fromPriority: true, toPriority: false, createdAt: NOW }),
      ],
    });
    await screen.findByRole('heading', { level: 2 });
    expect(entries().map((li) => li.textContent)).toEqual([
      expect.stringContaining('李雷 将套餐由“免费版”改为“企业版（优先支持）”'),
      expect.stringContaining('李雷 将套餐由“企业版（优先支持）”改为“基础付费版”'),
    ]);
  });

  it('sends a public reply or an internal note, as chosen, and shows it once the server has it', async () => {
    const sent: TicketEvent[] = [];
    const { user, writes } = setup({ ticket: open, events: thread }, {
      [`GET ${PATH}`]: () => ({ body: { ticket: open, events: [...thread, ...sent] } }),
      [`POST ${PATH}/replies`]: (body) => {
        sent.push(event({ type: 'reply', public: true, author: { kind: 'agent', name: '韩梅梅' }, text: (body as { text: string }).text, createdAt: NOW }));
        return { status: 201, body: {} };
      },
      [`POST ${PATH}/notes`]: (body) => {
        sent.push(event({ type: 'note', author: { kind: 'agent', name: '韩梅梅' }, text: (body as { text: string }).text, createdAt: NOW + 1 }));
        return { status: 201, body: {} };
      },
    });
    await screen.findByRole('heading', { level: 2 });
    expect(screen.getByRole('button', { name: '公开回复' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '内部备注' }).getAttribute('aria-pressed')).toBe('false');
    const send = screen.getByRole('button', { name: '发送公开回复' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: '回复内容' }), '  已定位原因，今晚修复。 ');
    await user.click(send);
    await waitFor(() => expect(entries()).toHaveLength(8));
    expect(writes()).toEqual([{ method: 'POST', path: `${PATH}/replies`, body: { text: '已定位原因，今晚修复。' } }]);
    expect(entries().at(-1)!.textContent).toContain('公开回复韩梅梅');
    expect((screen.getByRole('textbox', { name: '回复内容' }) as HTMLTextAreaElement).value).toBe('');

    await user.click(screen.getByRole('button', { name: '内部备注' }));
    expect(screen.getByRole('button', { name: '内部备注' }).getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByRole('textbox', { name: '备注内容' }), '需要运维协助');
    await user.click(screen.getByRole('button', { name: '添加内部备注' }));
    await waitFor(() => expect(entries()).toHaveLength(9));
    expect(writes().at(-1)).toEqual({ method: 'POST', path: `${PATH}/notes`, body: { text: '需要运维协助' } });
    expect(entries().at(-1)!.textContent).toContain('内部备注 · 仅客服可见');
  });

  it('lists the ticket’s attachments; a public reply carries files chosen with 添加附件 (checked first), an internal note none', async () => {
    const chatShot = { id: 'c1.0000000000000000000000a1', name: '报错截图.png', type: 'image/png' as const, size: 20_480, width: 640, height: 400, origin: 'conversation' as const, author: 'customer' as const, createdAt: NOW - 40 * MIN };
    const uploaded = { id: 't1.0000000000000000000000b2', name: '修复说明.pdf', type: 'application/pdf' as const, size: 150_000 };
    let answer: TicketDetail = { ticket: open, events: thread, attachments: [chatShot] };
    const { user, writes } = setup(answer, {
      [`GET ${PATH}`]: () => ({ body: answer }),
      [`POST ${PATH}/files`]: () => ({ status: 201, body: { file: uploaded } }),
      [`POST ${PATH}/replies`]: (body) => {
        const reply = event({ type: 'reply', public: true, author: { kind: 'agent', id: 'a2', name: '韩梅梅' }, text: (body as { text: string }).text, attachments: [uploaded], createdAt: NOW });
        answer = { ticket: open, events: [...thread, reply], attachments: [chatShot, { ...uploaded, origin: 'ticket', author: 'agent', authorName: '韩梅梅', eventId: reply.id, createdAt: NOW }] };
        return { status: 201, body: answer };
      },
    });
    await screen.findByRole('heading', { level: 2 });
    const card = within(screen.getByRole('region', { name: '附件（1）' }));
    const shot = card.getByRole('link', { name: '查看原图：报错截图.png' });
    expect(shot.getAttribute('href')).toBe(`${PATH}/files/c1.0000000000000000000000a1`);
    expect(card.getByText(/来自会话/).textContent).toContain('王芳');

    const picker = document.querySelector<HTMLInputElement>('.ticket-reply input[type=file]')!;
    const attach = screen.getByRole('button', { name: '添加附件' });
    expect(attach.getAttribute('aria-describedby')).toBe('tk-attach-hint');
    // A file the picker's filter would hide, dropped in anyway (the picker's accept is a hint, not a check).
    await userEvent.setup({ applyAccept: false }).upload(picker, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(screen.getByRole('alert').textContent).toBe('logo.svg：只能发送图片（PNG、JPEG、WebP、GIF）或 PDF 文件。');
    await user.upload(picker, new File(['%PDF-1.4'], '修复说明.pdf', { type: 'application/pdf' }));
    expect(within(screen.getByRole('list', { name: '待发送的附件' })).getByText('修复说明.pdf')).toBeTruthy();
    expect(screen.getByRole('button', { name: '移除 修复说明.pdf' })).toBeTruthy();
    // A note cannot carry them.
    await user.click(screen.getByRole('button', { name: '内部备注' }));
    expect(screen.queryByRole('button', { name: '添加附件' })).toBeNull();
    expect(screen.getByText('内部备注只能是文字；附件请随公开回复发送。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '公开回复' }));

    await user.type(screen.getByRole('textbox', { name: '回复内容' }), '修复说明见附件');
    await user.click(screen.getByRole('button', { name: '发送公开回复' }));
    await waitFor(() => expect(entries()).toHaveLength(8));
    expect(writes().map((w) => w.path)).toEqual([`${PATH}/files`, `${PATH}/replies`]);
    expect(writes()[1]!.body).toEqual({ text: '修复说明见附件', files: [uploaded.id] });
    expect(within(entries().at(-1)!).getByRole('link', { name: '下载 修复说明.pdf（146 KB）' }).getAttribute('href')).toBe(`${PATH}/files/t1.0000000000000000000000b2`);
    expect(within(screen.getByRole('region', { name: '附件（2）' })).getByText(/随回复发送/).textContent).toContain('韩梅梅');
    expect(screen.queryByRole('list', { name: '待发送的附件' })).toBeNull();
  });

  it('keeps the text and says why when the server refuses it', async () => {
    const { user } = setup({ ticket: open, events: thread }, { [`POST ${PATH}/replies`]: { status: 409, body: { code: 'invalid_state', message: 'ticket is closed' } } });
    await screen.findByRole('heading', { level: 2 });
    await user.type(screen.getByRole('textbox', { name: '回复内容' }), '还在吗');
    await user.click(screen.getByRole('button', { name: '发送公开回复' }));
    expect((await screen.findByRole('alert')).textContent).toBe('工单当前的状态不允许此操作。');
    expect((screen.getByRole('textbox', { name: '回复内容' }) as HTMLTextAreaElement).value).toBe('还在吗');
  });

  it('keeps a status chosen the moment the ticket shows, before the view has settled', async () => {
    setup({ ticket: ticket({ status: 'open' }), events: [] });
    await screen.findByRole('heading', { level: 2 });
    const form = within(screen.getByRole('form', { name: '处理工单' }));
    // At once, as a quick hand (or a busy machine) would: before the effects that run after paint.
    fireEvent.change(form.getByRole('combobox', { name: '状态' }), { target: { value: 'in_progress' } });
    await new Promise((done) => setTimeout(done, 150));
    expect((form.getByRole('combobox', { name: '状态' }) as HTMLSelectElement).value).toBe('in_progress');
    expect(form.getByRole('textbox', { name: '状态说明（客户可见，可不填）' })).toBeTruthy();
    expect((form.getByRole('button', { name: '保存更改' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers only the statuses the lifecycle allows, and sends only what changed', async () => {
    let current: Ticket = ticket({ status: 'open' });
    const { user, writes } = setup({ ticket: current, events: [] }, {
      [`GET ${PATH}`]: () => ({ body: { ticket: current, events: [] } }),
      [`PATCH ${PATH}`]: (body) => {
        const patch = body as Partial<Pick<Ticket, 'status' | 'tier' | 'plan' | 'priority'>> & { assigneeId?: string | null; department?: string | null };
        current = {
          ...current,
          ...(patch.status ? { status: patch.status } : {}),
          ...(patch.tier ? { tier: patch.tier } : {}),
          ...(patch.plan ? { plan: patch.plan } : {}),
          ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
          ...(patch.assigneeId !== undefined ? (patch.assigneeId ? { assignee: agents.find((a) => a.id === patch.assigneeId)! } : { assignee: undefined }) : {}),
          ...(patch.department !== undefined ? { department: patch.department ?? undefined } : {}),
          updatedAt: current.updatedAt + 1,
        };
        return { body: { ticket: current } };
      },
    });
    await screen.findByRole('heading', { level: 2 });
    const form = within(screen.getByRole('form', { name: '处理工单' }));
    const status = form.getByRole('combobox', { name: '状态' }) as HTMLSelectElement;
    const options = () => within(status).getAllByRole('option').map((o) => o.textContent);
    expect(options()).toEqual(['待处理（当前）', '处理中', '待用户确认', '已解决', '已关闭']);
    const save = form.getByRole('button', { name: '保存更改' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    await user.selectOptions(status, '处理中');
    await user.type(form.getByRole('textbox', { name: '状态说明（客户可见，可不填）' }), '工程师已介入');
    await user.click(save);
    await waitFor(() => expect(options()).toEqual(['处理中（当前）', '待用户确认', '已解决', '已关闭']));
    expect(writes()).toEqual([{ method: 'PATCH', path: PATH, body: { status: 'in_progress', remark: '工程师已介入' } }]);
    expect(form.getByRole('status').textContent).toBe('已保存');

    await user.selectOptions(form.getByRole('combobox', { name: '等级' }), '一般');
    await user.selectOptions(form.getByRole('combobox', { name: '处理人' }), '李雷');
    await user.selectOptions(form.getByRole('combobox', { name: '部门' }), '投诉与建议');
    await user.click(save);
    await waitFor(() => expect(writes()).toHaveLength(2));
    expect(writes()[1]!.body).toEqual({ tier: 'normal', assigneeId: 'a1', department: 'complaints' });
    await waitFor(() => expect(document.querySelector('dl.ticket-facts')!.textContent).toContain('处理人李雷'));

    await user.selectOptions(form.getByRole('combobox', { name: '处理人' }), '未分配');
    await user.click(save);
    await waitFor(() => expect(writes()).toHaveLength(3));
    expect(writes()[2]!.body).toEqual({ assigneeId: null });

    // The customer's plan and 优先支持: only what changed goes.
    const plan = form.getByRole('combobox', { name: '套餐' }) as HTMLSelectElement;
    expect(within(plan).getAllByRole('option').map((o) => o.textContent)).toEqual(['免费版', '基础付费版', '专业版', '企业版']);
    const priority = form.getByRole('checkbox', { name: '优先支持' }) as HTMLInputElement;
    expect([plan.value, priority.checked]).toEqual(['professional', false]);
    await user.selectOptions(plan, '企业版');
    await user.click(priority);
    await user.click(save);
    await waitFor(() => expect(writes()).toHaveLength(4));
    expect(writes()[3]!.body).toEqual({ plan: 'enterprise', priority: true });
    await waitFor(() => expect(document.querySelector('dl.ticket-facts')!.textContent).toContain('套餐企业版优先支持'));
    await user.click(form.getByRole('checkbox', { name: '优先支持' }));
    await user.click(save);
    await waitFor(() => expect(writes()).toHaveLength(5));
    expect(writes()[4]!.body).toEqual({ priority: false });

    await user.selectOptions(status, '已关闭');
    await user.click(save);
    // Closed is final: nothing to move to.
    await waitFor(() => expect((form.getByRole('combobox', { name: '状态' }) as HTMLSelectElement).disabled).toBe(true));
    expect(options()).toEqual(['已关闭（当前）']);
  });

  it('a resolved ticket may reopen; a refused change says why and keeps the choice', async () => {
    const { user } = setup({ ticket: ticket({ status: 'resolved' }), events: [] }, { [`PATCH ${PATH}`]: { status: 409, body: { code: 'invalid_state', message: 'not allowed' } } });
    await screen.findByRole('heading', { level: 2 });
    const status = screen.getByRole('combobox', { name: '状态' }) as HTMLSelectElement;
    expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['已解决（当前）', '待处理', '处理中', '已关闭']);
    await user.selectOptions(status, '待处理');
    await user.click(screen.getByRole('button', { name: '保存更改' }));
    expect((await screen.findByRole('alert')).textContent).toBe('工单当前的状态不允许此操作。');
    expect(status.value).toBe('open');
  });

  it('shows the ticket the server answers a change with, without fetching it again', async () => {
    const after = { ticket: { ...open, status: 'waiting_customer' as const, updatedAt: NOW }, events: [...thread, event({ type: 'status', from: 'in_progress', to: 'waiting_customer', createdAt: NOW })] };
    const { user, requests } = setup({ ticket: open, events: thread }, { [`PATCH ${PATH}`]: { body: after } });
    await screen.findByRole('heading', { level: 2 });
    await user.selectOptions(screen.getByRole('combobox', { name: '状态' }), '待用户确认');
    await user.click(screen.getByRole('button', { name: '保存更改' }));
    await waitFor(() => expect(entries()).toHaveLength(8));
    expect(within(screen.getByRole('heading', { level: 2 }).parentElement!).getByText('待用户确认')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'GET' && r.path === PATH)).toHaveLength(1);
  });

  it('lets an agent who is not a supervisor only take the ticket or give back their own', async () => {
    setup({ ticket: ticket({ assignee: undefined }), events: [] }, {}, undefined, plainAgent);
    await screen.findByRole('heading', { level: 2 });
    const people = () => within(screen.getByRole('combobox', { name: '处理人' })).getAllByRole('option').map((o) => o.textContent);
    expect(people()).toEqual(['未分配', '韩梅梅']);
  });

  it("offers an agent a colleague's ticket to take, but not to leave it with nobody", async () => {
    setup({ ticket: ticket({ assignee: { id: 'a1', name: '李雷' } }), events: [] }, {}, undefined, plainAgent);
    await screen.findByRole('heading', { level: 2 });
    const people = within(screen.getByRole('combobox', { name: '处理人' })).getAllByRole('option').map((o) => o.textContent);
    expect(people).toEqual(['李雷', '韩梅梅']);
  });

  it('says so when the ticket does not exist', async () => {
    setup({ ticket: open, events: [] }, { [`GET ${PATH}`]: { status: 404, body: { code: 'not_found', message: 'no such ticket' } } });
    expect((await screen.findByRole('alert')).textContent).toBe('工单不存在。');
    expect(screen.getByRole('link', { name: /返回工单列表/ }).getAttribute('href')).toBe('#/tickets');
  });

  it('follows pushes: a new thread entry and a changed ticket appear without a reload', async () => {
    const feed = new TicketFeed();
    const { requests } = setup({ ticket: open, events: thread }, {}, feed);
    await screen.findByRole('heading', { level: 2 });
    act(() => {
      feed.emit({ type: 'event', event: event({ type: 'note', author: { kind: 'agent', name: '李雷' }, text: '我来跟进', createdAt: NOW }) });
      feed.emit({ type: 'event', event: event({ ticketId: 'other', type: 'note', text: '别的工单', createdAt: NOW }) });
      feed.emit({ type: 'ticket', ticket: { ...open, status: 'waiting_customer', updatedAt: NOW } });
    });
    expect(entries().at(-1)!.textContent).toContain('我来跟进');
    expect(screen.queryByText('别的工单')).toBeNull();
    expect(within(screen.getByRole('heading', { level: 2 }).parentElement!).getByText('待用户确认')).toBeTruthy();
    // A push older than what is shown changes nothing.
    act(() => feed.emit({ type: 'ticket', ticket: { ...open, status: 'open', updatedAt: NOW - 1 } }));
    expect(within(screen.getByRole('heading', { level: 2 }).parentElement!).getByText('待用户确认')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'GET' && r.path === PATH)).toHaveLength(1);
  });
});
