// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { AgentProfile, Department, TeamAgent } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import type { ConnectionStatus } from '../net/agent-client.ts';
import { PushFeed } from './push-feed.ts';
import { TeamPage } from './team-page.tsx';
import { upsertAgent } from './use-live-team.ts';

const admin: AgentProfile = { id: 'a1', email: 'admin@example.com', name: '王管理', role: 'admin' };
const supervisor: AgentProfile = { id: 'a2', email: 'zhou@example.com', name: '周主管', role: 'supervisor' };

const team: TeamAgent[] = [
  { id: 'a1', email: 'admin@example.com', name: '王管理', role: 'admin', presence: 'online', capacity: 5, disabled: false, departments: [], openConversations: 0 },
  { id: 'a2', email: 'zhou@example.com', name: '周主管', role: 'supervisor', presence: 'away', capacity: 3, disabled: false, departments: ['billing'], openConversations: 1 },
  { id: 'a3', email: 'li@example.com', name: '李雷', role: 'agent', presence: 'online', capacity: 5, disabled: false, departments: ['tech', 'billing'], openConversations: 4 },
];
const departments: Department[] = [
  { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', members: ['a3'] },
  { key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: ['a2', 'a3'] },
];

function setup(me: AgentProfile, routes: FakeRoutes = {}, status?: ConnectionStatus, feed = new PushFeed<TeamAgent>()) {
  const requests = fakeFetch({
    'GET /api/team/agents': { body: { agents: team } },
    'GET /api/departments': { body: { departments } },
    ...routes,
  });
  const view = render(<TeamPage me={me} feed={feed} status={status} />);
  const rerender = (next: ConnectionStatus) => view.rerender(<TeamPage me={me} feed={feed} status={next} />);
  return { user: userEvent.setup(), requests, feed, rerender, unmount: view.unmount };
}

const row = async (name: string) => (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr') as HTMLElement;

describe('TeamPage', () => {
  it('lists every agent with role, departments by name, presence, capacity, open conversations and account state', async () => {
    setup(supervisor);
    const li = await row('李雷');
    const cells = within(li).getAllByRole('cell').map((c) => c.textContent!.trim());
    expect(cells).toEqual(['客服', '技术支持、账户与账单', '在线', '5', '4', '正常']);
    expect((await row('周主管')).textContent).toContain('（我）');
    expect(within(await row('王管理')).getAllByRole('cell')[1]!.textContent).toBe('—');
  });

  it('gives a supervisor no controls', async () => {
    setup(supervisor);
    await row('李雷');
    expect(screen.getByText('只有管理员可以修改团队成员。')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets an admin change another agent’s role and capacity, sending only what changed', async () => {
    const { user, requests } = setup(admin, {
      'PATCH /api/team/agents/a3': (body) => ({ body: { agent: { ...team[2]!, ...(body as object) } } }),
    });
    await row('李雷');
    // Not their own role: an admin cannot demote themselves.
    expect(screen.queryByRole('combobox', { name: '王管理 的角色' })).toBeNull();
    expect(screen.queryByRole('button', { name: '停用 王管理' })).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: '李雷 的角色' }), '主管');
    const capacity = screen.getByRole('spinbutton', { name: '李雷 的接待上限' });
    await user.clear(capacity);
    await user.type(capacity, '8');
    capacity.blur();
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ role: 'supervisor' }, { capacity: 8 }]);
    expect((screen.getByRole('combobox', { name: '李雷 的角色' }) as HTMLSelectElement).value).toBe('supervisor');
  });

  it('disables an account and offers to enable it again', async () => {
    const { user, requests } = setup(admin, {
      'PATCH /api/team/agents/a3': (body) => ({ body: { agent: { ...team[2]!, ...(body as object) } } }),
    });
    await user.click(await screen.findByRole('button', { name: '停用 李雷' }));
    expect(requests.at(-1)).toEqual({ method: 'PATCH', path: '/api/team/agents/a3', body: { disabled: true } });
    expect(await screen.findByRole('button', { name: '启用 李雷' })).toBeTruthy();
    expect((await row('李雷')).textContent).toContain('已停用');
  });

  it('says why a change was refused and shows the team as the server has it', async () => {
    const { user, requests } = setup(admin, { 'PATCH /api/team/agents/a2': { status: 409, body: { code: 'conflict' } } });
    await user.click(await screen.findByRole('button', { name: '停用 周主管' }));
    expect((await screen.findByRole('alert')).textContent).toContain('不能停用自己和最后一位管理员');
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/team/agents')).toHaveLength(2));
    expect((await row('周主管')).textContent).toContain('正常');
  });

  it('opens the invite panel for an admin, and reloads the team when it is closed', async () => {
    const { user, requests } = setup(admin);
    await user.click(await screen.findByRole('button', { name: '邀请客服' }));
    const panel = screen.getByRole('region', { name: '邀请新客服' });
    expect(within(panel).getByRole('option', { name: '技术支持' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '邀请客服' })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: '完成' }));
    expect(screen.queryByRole('region', { name: '邀请新客服' })).toBeNull();
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/team/agents')).toHaveLength(2));
  });

  it('says so when the team cannot be loaded', async () => {
    setup(supervisor, { 'GET /api/team/agents': { status: 403, body: { code: 'forbidden' } } });
    expect((await screen.findByRole('alert')).textContent).toBe('没有权限执行此操作。');
  });

  it('follows the team live: a colleague going away, an account disabled elsewhere, a new agent joining', async () => {
    const { feed } = setup(supervisor, {}, 'online');
    const li = await row('李雷');
    expect(screen.getByText('实时更新')).toBeTruthy();
    act(() => feed.emit({ ...team[2]!, presence: 'away' }));
    expect(within(li).getAllByRole('cell')[2]!.textContent).toBe('离开');
    expect(li.className).toContain('fresh-row');
    act(() => feed.emit({ ...team[0]!, disabled: true, presence: 'offline' }));
    const wang = await row('王管理');
    expect(within(wang).getAllByRole('cell').map((c) => c.textContent!.trim())).toEqual(['管理员', '—', '离线', '5', '0', '已停用']);
    act(() => feed.emit({ id: 'a4', email: 'b@example.com', name: '小B', role: 'agent', presence: 'online', capacity: 5, disabled: false, departments: ['tech'], openConversations: 0 }));
    expect(within(await row('小B')).getAllByRole('cell').map((c) => c.textContent!.trim())).toEqual(['客服', '技术支持', '在线', '5', '0', '正常']);
    expect(screen.getAllByRole('row')).toHaveLength(5);
  });

  it('reads the departments again when a pushed row names one created since', async () => {
    const vip: Department = { key: 'vip', nameZh: '贵宾服务', nameEn: 'VIP', members: ['a3'] };
    let list = departments;
    const { feed, requests } = setup(supervisor, { 'GET /api/departments': () => ({ body: { departments: list } }) }, 'online');
    const li = await row('李雷');
    list = [...departments, vip];
    act(() => feed.emit({ ...team[2]!, departments: ['tech', 'billing', 'vip'] }));
    await waitFor(() => expect(within(li).getAllByRole('cell')[1]!.textContent).toBe('技术支持、账户与账单、贵宾服务'));
    expect(requests.filter((r) => r.path === '/api/departments')).toHaveLength(2);
  });

  it('keeps a capacity the admin is typing when another row changes live, and sends it when done', async () => {
    const { user, requests, feed } = setup(admin, { 'PATCH /api/team/agents/a3': (body) => ({ body: { agent: { ...team[2]!, ...(body as object) } } }) }, 'online');
    await row('李雷');
    const capacity = screen.getByRole('spinbutton', { name: '李雷 的接待上限' }) as HTMLInputElement;
    await user.clear(capacity);
    await user.type(capacity, '9');
    act(() => feed.emit({ ...team[1]!, presence: 'offline' }));
    act(() => feed.emit({ ...team[2]!, presence: 'away' }));
    expect(capacity.value).toBe('9');
    capacity.blur();
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ capacity: 9 }]));
    await waitFor(() => expect(capacity.value).toBe('9'));
  });

  it('keeps an admin’s controls on a row that changes live', async () => {
    const { feed } = setup(admin, {}, 'online');
    await row('李雷');
    act(() => feed.emit({ ...team[2]!, role: 'supervisor', capacity: 7, disabled: true }));
    expect((screen.getByRole('combobox', { name: '李雷 的角色' }) as HTMLSelectElement).value).toBe('supervisor');
    expect((screen.getByRole('spinbutton', { name: '李雷 的接待上限' }) as HTMLInputElement).value).toBe('7');
    expect(screen.getByRole('button', { name: '启用 李雷' })).toBeTruthy();
  });

  it('says when the connection is lost, and reads the team again when it is back', async () => {
    const { requests, rerender } = setup(supervisor, {}, 'online');
    await row('李雷');
    rerender('reconnecting');
    expect(screen.getByText('连接中断，恢复后自动刷新')).toBeTruthy();
    rerender('online');
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/team/agents')).toHaveLength(2));
    expect(screen.getByText('实时更新')).toBeTruthy();
  });

  it('keeps a push that crossed the read of the team, which answered from before it', async () => {
    const feed = new PushFeed<TeamAgent>();
    setup(supervisor, { 'GET /api/team/agents': () => (feed.emit({ ...team[2]!, presence: 'offline' }), { body: { agents: team } }) }, 'online', feed);
    expect(within(await row('李雷')).getAllByRole('cell')[2]!.textContent).toBe('离线');
  });

  it('stops listening when the page closes', async () => {
    const { feed, unmount } = setup(supervisor, {}, 'online');
    await row('李雷');
    unmount();
    expect(() => feed.emit({ ...team[2]!, presence: 'away' })).not.toThrow();
    expect((feed as unknown as { listeners: Set<unknown> }).listeners.size).toBe(0);
  });
});

describe('upsertAgent', () => {
  it('replaces the row with the same id in place and appends a new one', () => {
    const away = { ...team[1]!, presence: 'away' as const };
    expect(upsertAgent(team, { ...team[1]!, presence: 'offline' }).map((a) => a.presence)).toEqual(['online', 'offline', 'online']);
    expect(upsertAgent([team[0]!], away)).toEqual([team[0], away]);
  });
});
