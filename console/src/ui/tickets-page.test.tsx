// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Ticket } from '@kefu/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { NOW, clock, departments, fakeClient, supervisor, ticket } from '../../test/ticket-fixtures.ts';
import { translator } from '../i18n/translate.ts';
import { I18nContext } from './i18n-context.ts';
import { TicketFeed } from './ticket-feed.ts';
import { TicketsPage } from './tickets-page.tsx';

const MIN = 60_000;
const atRisk = ticket({
  id: 'tk2',
  number: 'T20261130-0002',
  title: '核心功能用不了',
  tier: 'severe',
  status: 'in_progress',
  sla: 'at_risk',
  assignee: undefined,
  requester: { email: 'li@example.com' },
  nextDueAt: NOW + 5 * MIN,
  clocks: [clock({ clock: 'response', dueAt: NOW + 5 * MIN, state: 'at_risk', used: 0.9 })],
});
const breached = ticket({
  id: 'tk3',
  number: 'T20261129-0007',
  title: '发票开错了',
  tier: 'normal',
  sla: 'breached',
  nextDueAt: NOW - 3 * 60 * MIN,
  clocks: [clock({ clock: 'response', dueAt: NOW - 3 * 60 * MIN, state: 'breached', used: 1.4 })],
});
const plain = ticket();

const list = (tickets: Ticket[], nextCursor?: string) => ({ body: nextCursor ? { tickets, nextCursor } : { tickets } });

function setup(routes: FakeRoutes, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const requests = fakeFetch({ 'GET /api/departments': { body: { departments } }, ...routes });
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <TicketsPage me={supervisor} client={fakeClient} />
    </I18nContext.Provider>,
  );
  const asked = () => requests.filter((r) => r.path.startsWith('/api/tickets')).map((r) => r.path);
  return { user: userEvent.setup(), requests, asked };
}

const row = (number: string) => screen.findByRole('listitem', { name: new RegExp(number) });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TicketsPage list', () => {
  it('asks for the active tickets due soonest first and shows each row with its badges, people and due time', async () => {
    const { asked } = setup({ 'GET /api/tickets?sort=due': list([breached, atRisk, plain]) });
    const late = await row('T20261129-0007');
    expect(asked()).toEqual(['/api/tickets?sort=due']);
    expect(within(late).getByRole('link').getAttribute('href')).toBe('#/tickets/T20261129-0007');
    expect(late.textContent).toContain('发票开错了');
    expect(late.textContent).toContain('已超时 3小时');
    expect(late.textContent).toContain('一般');
    // The SLA state is said in words, not only by the row's colour.
    expect(within(late).getByText('已超时').className).toContain('sla-badge');

    const risky = await row('T20261130-0002');
    expect(within(risky).getByText('即将超时')).toBeTruthy();
    expect(risky.textContent).toContain('5分钟后到期');
    expect(risky.textContent).toContain('严重');
    expect(risky.textContent).toContain('处理中');
    expect(risky.textContent).toContain('处理人 未分配');
    expect(risky.textContent).toContain('客户 li@example.com');
    // The wall-clock time beside the relative one.
    expect(within(risky).getByText((_, el) => el?.tagName === 'TIME').getAttribute('datetime')).toBe(new Date(NOW + 5 * MIN).toISOString());

    const ok = await row('T20261130-0001');
    expect(within(ok).queryByText(/即将超时|已超时/)).toBeNull();
    expect(ok.textContent).toContain('处理人 韩梅梅');
    expect(ok.textContent).toContain('客户 王芳');
    expect(ok.textContent).toContain('待处理');
    expect(screen.getByRole('status').textContent).toBe('已显示 3 张工单');
  });

  it('sends each filter in the query: status, tier, mine, unassigned, a colleague, department, SLA and order', async () => {
    const routes: FakeRoutes = {};
    for (const q of [
      'sort=due',
      'status=in_progress&sort=due',
      'status=in_progress&tier=urgent&sort=due',
      'status=in_progress&tier=urgent&assignee=me&sort=due',
      'status=in_progress&tier=urgent&assignee=none&sort=due',
      'status=in_progress&tier=urgent&assignee=a1&sort=due',
      'status=in_progress&tier=urgent&assignee=a1&department=tech&sort=due',
      'status=in_progress&tier=urgent&assignee=a1&department=tech&sla=breached&sort=due',
      'status=in_progress&tier=urgent&assignee=a1&department=tech&sla=breached&sort=created',
      'status=open%2Cin_progress%2Cwaiting_customer%2Cresolved%2Cclosed&tier=urgent&assignee=a1&department=tech&sla=breached&sort=created',
    ])
      routes[`GET /api/tickets?${q}`] = list([plain]);
    const { user, asked } = setup(routes);
    await row('T20261130-0001');
    const filters = within(screen.getByRole('search', { name: '筛选工单' }));
    const pick = async (name: string, option: string) => {
      await user.selectOptions(filters.getByRole('combobox', { name }), option);
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    };
    await pick('状态', '处理中');
    await pick('等级', '紧急');
    await pick('处理人', '我的');
    await pick('处理人', '未分配');
    // Colleagues come from the socket client's list.
    await waitFor(() => expect(filters.getByRole('option', { name: '李雷' })).toBeTruthy());
    await pick('处理人', '李雷');
    await pick('部门', '技术支持');
    await pick('SLA', '已超时');
    await pick('排序', '最新创建');
    await pick('状态', '全部状态');
    await waitFor(() => expect(asked()).toHaveLength(10));
    expect(asked()).toEqual(Object.keys(routes).map((k) => k.slice(4)));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('loads the next page from the cursor and appends it', async () => {
    const { user, asked } = setup({
      'GET /api/tickets?sort=due': list([breached, atRisk], `${atRisk.nextDueAt}_tk2`),
      [`GET /api/tickets?sort=due&cursor=${atRisk.nextDueAt}_tk2`]: list([plain]),
    });
    await row('T20261130-0002');
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await row('T20261130-0001');
    expect(asked().at(-1)).toBe(`/api/tickets?sort=due&cursor=${atRisk.nextDueAt}_tk2`);
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-labelledby'))).toEqual(['ticket-link-tk3', 'ticket-link-tk2', 'ticket-link-tk1']);
    // The last page: nothing more to load.
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('says so when no ticket matches, and shows a refusal in words', async () => {
    setup({ 'GET /api/tickets?sort=due': list([]), 'GET /api/tickets?tier=urgent&sort=due': { status: 400, body: { code: 'bad_request', message: 'unknown tier' } } });
    expect((await screen.findByRole('status')).textContent).toBe('加载中…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('没有符合条件的工单。'));
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: '等级' }), '紧急');
    expect((await screen.findByRole('alert')).textContent).toBe('请检查填写的内容。');
  });

  it('opens a ticket from #/tickets/<number> and, back on the list, keeps the filters, reloads and puts focus on its heading', async () => {
    const requests = fakeFetch({
      'GET /api/departments': { body: { departments } },
      'GET /api/tickets?tier=urgent&sort=due': list([plain]),
      'GET /api/tickets?sort=due': list([plain, atRisk]),
      'GET /api/tickets/T20261130-0001': { body: { ticket: plain, events: [] } },
    });
    const page = (openNumber?: string) => <TicketsPage me={supervisor} client={fakeClient} openNumber={openNumber} />;
    const { rerender } = render(page());
    await row('T20261130-0002');
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: '等级' }), '紧急');
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /T20261130-0002/ })).toBeNull());
    rerender(page('T20261130-0001'));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('T20261130-0001 系统崩溃，数据丢失');
    expect(screen.queryByRole('search')).toBeNull();
    rerender(page());
    await waitFor(() => expect(document.activeElement?.id).toBe('tickets-heading'));
    expect((screen.getByRole('combobox', { name: '等级' }) as HTMLSelectElement).value).toBe('urgent');
    expect(requests.filter((r) => r.path.startsWith('/api/tickets?')).map((r) => r.path)).toEqual([
      '/api/tickets?sort=due',
      '/api/tickets?tier=urgent&sort=due',
      '/api/tickets?tier=urgent&sort=due',
    ]);
  });

  it('updates a row when the socket pushes its ticket, unless the push is older than the row', async () => {
    fakeFetch({ 'GET /api/departments': { body: { departments } }, 'GET /api/tickets?sort=due': list([plain]) });
    const feed = new TicketFeed();
    render(<TicketsPage me={supervisor} client={fakeClient} feed={feed} />);
    await row('T20261130-0001');
    act(() => feed.emit({ type: 'ticket', ticket: { ...plain, sla: 'breached', assignee: { id: 'a1', name: '李雷' }, updatedAt: NOW } }));
    expect(within(await row('T20261130-0001')).getByText('已超时')).toBeTruthy();
    act(() => feed.emit({ type: 'ticket', ticket: { ...plain, updatedAt: NOW - 1 } }));
    expect((await row('T20261130-0001')).textContent).toContain('处理人 李雷');
  });

  it('shows tickets the socket pushes that it does not hold with one reload; with more pages open it offers the reload', async () => {
    let firstPage = list([plain]);
    const requests = fakeFetch({
      'GET /api/departments': { body: { departments } },
      'GET /api/tickets?sort=due': () => firstPage,
      [`GET /api/tickets?sort=due&cursor=${plain.nextDueAt}_tk1`]: list([breached]),
    });
    const firstPages = () => requests.filter((r) => r.path === '/api/tickets?sort=due').length;
    const feed = new TicketFeed();
    render(<TicketsPage me={supervisor} client={fakeClient} feed={feed} />);
    await row('T20261130-0001');
    // Two new tickets at once: one reload, which the server filters and sorts.
    firstPage = list([atRisk, plain], `${plain.nextDueAt}_tk1`);
    act(() => {
      feed.emit({ type: 'ticket', ticket: atRisk });
      feed.emit({ type: 'ticket', ticket: { ...atRisk, updatedAt: NOW + 1 } });
    });
    await row('T20261130-0002');
    expect(firstPages()).toBe(2);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    // A second page open: reloading would close it, so the list says it changed and waits for the agent.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await row('T20261129-0007');
    act(() => feed.emit({ type: 'ticket', ticket: ticket({ id: 'tk9', number: 'T20261130-0009' }) }));
    const changed = await screen.findByText('工单列表有更新。');
    expect(firstPages()).toBe(2);
    firstPage = list([atRisk, plain]);
    await user.click(within(changed).getByRole('button', { name: '刷新' }));
    await waitFor(() => expect(screen.queryByText('工单列表有更新。')).toBeNull());
    expect(firstPages()).toBe(3);
    expect(screen.queryByRole('listitem', { name: /T20261129-0007/ })).toBeNull();
  });

  it('reads in English with English due times', async () => {
    setup({ 'GET /api/tickets?sort=due': list([atRisk, breached]) }, 'en');
    const risky = await row('T20261130-0002');
    expect(within(risky).getByText('At risk')).toBeTruthy();
    expect(risky.textContent).toContain('due in 5 minutes');
    expect(risky.textContent).toContain('Serious');
    expect(risky.textContent).toContain('Assignee Unassigned');
    expect((await row('T20261129-0007')).textContent).toContain('3 hours overdue');
    expect(screen.getByRole('combobox', { name: 'Sort' })).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: 'Assignee' })).getByRole('option', { name: 'Mine' })).toBeTruthy();
  });
});
