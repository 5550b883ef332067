// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { AgentProfile, LiveConversation, TransferTarget } from '@kefu/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentServer } from '../../test/fake-agent-socket.ts';
import { fakeFetch } from '../../test/fake-fetch.ts';
import { startAgentClient } from '../../test/start-agent-client.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { LiveConversations } from './live-conversations.tsx';

// The network edge: the real AgentClient talks to a scripted socket instead of a server.
vi.mock('socket.io-client', () => import('../../test/fake-agent-socket.ts'));

const me: AgentProfile = { id: 's1', email: 'zhou@example.com', name: '周主管', role: 'supervisor' };

const live = (over: Partial<LiveConversation>): LiveConversation => ({
  id: 'c1',
  state: 'queued',
  visitorId: 'v1',
  visitorName: '访客 3F2A',
  lang: 'zh-CN',
  priority: 0,
  lastSeq: 3,
  createdAt: 1,
  updatedAt: 2,
  waitMs: 42_000,
  ...over,
});

const rows = [
  live({ id: 'c1', visitorName: '访客 3F2A', department: 'billing', waitMs: 42_000 }),
  live({ id: 'c2', visitorName: 'Visitor 77B1', state: 'assigned', assignedAgentId: 'a2', assignedAgentName: '韩梅梅', waitMs: 185_000 }),
  live({ id: 'c3', visitorName: '访客 9C0D', state: 'assigned', assignedAgentId: 's1', assignedAgentName: '周主管', waitMs: 5_000 }),
];
const agents: TransferTarget[] = [
  { id: 'a2', name: '韩梅梅', presence: 'online', departments: [], full: false },
  { id: 'a3', name: '张伟', presence: 'online', departments: [], full: true },
  { id: 'a4', name: '王芳', presence: 'offline', departments: [], full: false },
];

let client: AgentClient | undefined;
afterEach(() => client?.close());

function open(conversations = rows) {
  fakeFetch({ 'GET /api/departments': { body: { departments: [{ key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: [] }] } } });
  client = startAgentClient({
    listLive: () => ({ ok: true, data: { conversations } }),
    listAgents: () => ({ ok: true, data: { agents } }),
    assign: (p: { conversationId: string }) => ({ ok: true, data: { conversation: rows.find((r) => r.id === p.conversationId) } }),
  });
  const onOpen = vi.fn();
  render(<LiveConversations client={client} me={me} onOpen={onOpen} />);
  return { user: userEvent.setup(), onOpen };
}

const row = async (visitor: string) => (await screen.findByRole('rowheader', { name: visitor })).closest('tr') as HTMLElement;

describe('LiveConversations', () => {
  it('lists every live conversation with department, state, agent and wait', async () => {
    open();
    const queued = await row('访客 3F2A');
    await waitFor(() => expect(within(queued).getAllByRole('cell')[0]!.textContent).toBe('账户与账单'));
    const cells = (r: HTMLElement) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent);
    expect(cells(queued)).toEqual(['账户与账单', '排队', '未分配', '42 秒']);
    expect(cells(await row('Visitor 77B1'))).toEqual(['未分配部门', '进行中', '韩梅梅', '3 分钟']);
  });

  it('assigns a conversation to the colleague picked; offline ones cannot be picked', async () => {
    const { user } = open();
    const queued = await row('访客 3F2A');
    const select = within(queued).getByRole('combobox', { name: '分配给…' });
    await within(select).findByRole('option', { name: '韩梅梅' });
    expect((within(select).getByRole('option', { name: '王芳（离线）' }) as HTMLOptionElement).disabled).toBe(true);
    expect(within(select).getByRole('option', { name: '张伟（已满）' })).toBeTruthy();
    const assign = within(queued).getByRole('button', { name: '分配' }) as HTMLButtonElement;
    expect(assign.disabled).toBe(true);
    await user.selectOptions(select, '韩梅梅');
    await user.click(assign);
    expect(agentServer.emitted.find((e) => e.event === 'assign')!.payload).toEqual({ conversationId: 'c1', agentId: 'a2' });
  });

  it('lets the supervisor take over a colleague’s conversation, not their own, and open any', async () => {
    const { user, onOpen } = open();
    await user.click(within(await row('Visitor 77B1')).getByRole('button', { name: '接管' }));
    expect(agentServer.emitted.find((e) => e.event === 'assign')!.payload).toEqual({ conversationId: 'c2', agentId: 's1' });
    expect(within(await row('访客 9C0D')).queryByRole('button', { name: '接管' })).toBeNull();
    // The assigned agent is not offered as a target for their own conversation.
    expect(within(within(await row('Visitor 77B1')).getByRole('combobox')).queryByRole('option', { name: '韩梅梅' })).toBeNull();
    await user.click(within(await row('访客 9C0D')).getByRole('button', { name: '查看' }));
    expect(onOpen).toHaveBeenCalledWith('c3');
  });

  it('says why an assignment was refused', async () => {
    const { user } = open();
    agentServer.answers.assign = () => ({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await user.click(within(await row('Visitor 77B1')).getByRole('button', { name: '接管' }));
    expect((await screen.findByRole('alert')).textContent).toBe('没有权限执行此操作。');
  });

  it('says so when the list cannot be loaded', async () => {
    open();
    agentServer.answers.listLive = () => ({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await row('访客 3F2A');
    await userEvent.click(screen.getByRole('button', { name: '刷新' }));
    expect((await screen.findByRole('alert')).textContent).toBe('没有权限执行此操作。');
  });

  it('says when nothing is live', async () => {
    open([]);
    expect(await screen.findByText('目前没有进行中的会话。')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
