// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ConversationSummary, TransferTarget } from '@kefu/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../test/fake-fetch.ts';
import { agentServer } from '../../test/fake-agent-socket.ts';
import { startAgentClient } from '../../test/start-agent-client.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { TransferDialog, type TransferDialogProps } from './transfer-dialog.tsx';

// The network edge: the real AgentClient talks to a scripted socket instead of a server.
vi.mock('socket.io-client', () => import('../../test/fake-agent-socket.ts'));

const conversation: ConversationSummary = {
  id: 'c1',
  state: 'assigned',
  visitorId: 'v1',
  visitorName: '访客 3F2A',
  lang: 'zh-CN',
  priority: 0,
  assignedAgentId: 'a1',
  assignedAgentName: '李雷',
  lastSeq: 8,
  createdAt: 1,
  updatedAt: 2,
};

const colleagues: TransferTarget[] = [
  { id: 'a1', name: '李雷', presence: 'online', departments: [], full: false },
  { id: 'a2', name: '韩梅梅', presence: 'online', departments: ['billing'], full: false },
  { id: 'a3', name: '张伟', presence: 'online', departments: ['tech'], full: true },
  { id: 'a4', name: '王芳', presence: 'offline', departments: [], full: false },
];

let client: AgentClient;
beforeEach(() => {
  fakeFetch({
    'GET /api/departments': {
      body: {
        departments: [
          { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', members: ['a3'] },
          { key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: ['a2'] },
        ],
      },
    },
  });
  client = startAgentClient({
    listAgents: () => ({ ok: true, data: { agents: colleagues } }),
    transfer: (p: { to: { department?: string } }) => ({ ok: true, data: { conversation: { ...conversation, department: p.to.department } } }),
  });
});
afterEach(() => {
  client.close();
  vi.useRealTimers();
});

function open(props: Partial<TransferDialogProps> = {}) {
  const onDone = vi.fn();
  const onCancel = vi.fn();
  render(<TransferDialog client={client} conversation={conversation} mayOverfill={false} onDone={onDone} onCancel={onCancel} {...props} />);
  return { user: userEvent.setup(), onDone, onCancel, dialog: screen.getByRole('dialog', { name: '转接会话' }) };
}

/** The colleagues' options, once they and the departments' names arrived. */
const agentOptions = async () => {
  const select = screen.getByRole('combobox', { name: '选择客服' });
  await within(select).findByRole('option', { name: '韩梅梅 · 账户与账单' });
  return within(select).getAllByRole('option') as HTMLOptionElement[];
};

describe('TransferDialog', () => {
  it('lists the colleagues other than the current agent, with their departments; offline and full ones cannot be picked', async () => {
    open();
    const options = await agentOptions();
    expect(options.map((o) => o.textContent)).toEqual(['—', '韩梅梅 · 账户与账单', '张伟 · 技术支持（已满）', '王芳（离线）']);
    expect(options.map((o) => o.disabled)).toEqual([false, false, true, true]);
  });

  it('lets a supervisor hand over to a colleague who is full, never to one who is offline', async () => {
    open({ mayOverfill: true });
    const options = await agentOptions();
    expect(options.find((o) => o.textContent!.startsWith('张伟'))!.disabled).toBe(false);
    expect(options.find((o) => o.textContent!.startsWith('王芳'))!.disabled).toBe(true);
  });

  it('hands the conversation to the chosen colleague with the trimmed note', async () => {
    const { user, dialog, onDone } = open();
    const submit = within(dialog).getByRole('button', { name: '确认转接' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await agentOptions();
    await user.selectOptions(screen.getByRole('combobox', { name: '选择客服' }), '韩梅梅 · 账户与账单');
    await user.type(screen.getByRole('textbox', { name: '给接收人的备注（访客看不到）' }), ' 老客户，问发票 ');
    await user.click(submit);
    expect(agentServer.emitted.at(-1)).toEqual({ event: 'transfer', payload: { conversationId: 'c1', to: { agentId: 'a2' }, note: '老客户，问发票' } });
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
  });

  it('hands it to a department, named in the agent’s language', async () => {
    const { user, onDone } = open();
    await user.click(screen.getByRole('radio', { name: '转给部门' }));
    const select = screen.getByRole('combobox', { name: '选择部门' });
    await user.selectOptions(select, '技术支持');
    await user.click(screen.getByRole('button', { name: '确认转接' }));
    expect(agentServer.emitted.at(-1)).toEqual({ event: 'transfer', payload: { conversationId: 'c1', to: { department: 'tech' } } });
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ department: 'tech' })));
  });

  it('says why the server refused, and stays open', async () => {
    agentServer.answers.transfer = () => ({ ok: false, error: { code: 'forbidden', message: 'no' } });
    const { user, onDone } = open();
    await agentOptions();
    await user.selectOptions(screen.getByRole('combobox', { name: '选择客服' }), '韩梅梅 · 账户与账单');
    await user.click(screen.getByRole('button', { name: '确认转接' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('无法转接：没有权限执行此操作。'));
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: '转接会话' })).toBeTruthy();
  });

  it('follows colleagues coming online while it is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    open();
    expect((await agentOptions()).find((o) => o.textContent!.startsWith('王芳'))!.disabled).toBe(true);
    agentServer.answers.listAgents = () => ({ ok: true, data: { agents: colleagues.map((a) => (a.id === 'a4' ? { ...a, presence: 'online' } : a)) } });
    await act(async () => {
      vi.advanceTimersByTime(3000);
    });
    await waitFor(() => expect((screen.getByRole('option', { name: '王芳' }) as HTMLOptionElement).disabled).toBe(false));
  });

  it('Escape and 取消 back out without transferring', async () => {
    const { user, onCancel } = open();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(agentServer.emitted.filter((e) => e.event === 'transfer')).toEqual([]);
  });
});
