// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Department, TeamAgent } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { DepartmentsPage } from './departments-page.tsx';

const agent = (id: string, name: string, disabled = false): TeamAgent => ({
  id,
  email: `${id}@example.com`,
  name,
  role: 'agent',
  presence: 'online',
  capacity: 5,
  disabled,
  departments: [],
  openConversations: 0,
});
const agents = [agent('a2', '韩梅梅'), agent('a3', '李雷'), agent('a4', '张停用', true)];
const tech: Department = { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', members: ['a3'] };

function setup(routes: FakeRoutes = {}) {
  const requests = fakeFetch({
    'GET /api/departments': { body: { departments: [tech] } },
    'GET /api/team/agents': { body: { agents } },
    ...routes,
  });
  render(<DepartmentsPage />);
  return { user: userEvent.setup(), requests };
}

const card = (name: string) => screen.findByRole('listitem', { name: new RegExp(`^${name}`) });
const createForm = () => screen.getByRole('button', { name: '新建部门' }).closest('form') as HTMLFormElement;

describe('DepartmentsPage', () => {
  it('shows each department with its two names and a checkbox per enabled agent', async () => {
    setup();
    const techCard = await card('技术支持');
    expect((within(techCard).getByRole('textbox', { name: '中文名称' }) as HTMLInputElement).value).toBe('技术支持');
    expect((within(techCard).getByRole('textbox', { name: '英文名称' }) as HTMLInputElement).value).toBe('Technical support');
    expect((within(techCard).getByRole('checkbox', { name: '李雷 属于 技术支持' }) as HTMLInputElement).checked).toBe(true);
    expect((within(techCard).getByRole('checkbox', { name: '韩梅梅 属于 技术支持' }) as HTMLInputElement).checked).toBe(false);
    expect(within(techCard).queryByRole('checkbox', { name: /张停用/ })).toBeNull();
    // Nothing to save until a name changes.
    expect((within(techCard).getByRole('button', { name: '保存 技术支持' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('creates a department from its key and two names, lists it and empties the form', async () => {
    const created: Department = { key: 'after-sales', nameZh: '售后服务', nameEn: 'After-sales', members: [] };
    const { user, requests } = setup({ 'POST /api/departments': { status: 201, body: { department: created } } });
    await card('技术支持');
    const form = within(createForm());
    await user.type(form.getByRole('textbox', { name: '标识（英文小写）' }), 'after-sales');
    await user.type(form.getByRole('textbox', { name: '中文名称' }), '售后服务');
    await user.type(form.getByRole('textbox', { name: '英文名称' }), 'After-sales');
    await user.click(form.getByRole('button', { name: '新建部门' }));
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/api/departments', body: { key: 'after-sales', nameZh: '售后服务', nameEn: 'After-sales' } });
    expect(await card('售后服务')).toBeTruthy();
    expect((form.getByRole('textbox', { name: '标识（英文小写）' }) as HTMLInputElement).value).toBe('');
  });

  it('sends nothing while the key is not lower-case letters, digits and dashes or a name is missing', async () => {
    const { user, requests } = setup();
    await card('技术支持');
    const form = within(createForm());
    await user.type(form.getByRole('textbox', { name: '标识（英文小写）' }), 'After Sales');
    await user.type(form.getByRole('textbox', { name: '中文名称' }), '售后服务');
    await user.type(form.getByRole('textbox', { name: '英文名称' }), 'After-sales');
    await user.click(form.getByRole('button', { name: '新建部门' }));
    await user.clear(form.getByRole('textbox', { name: '标识（英文小写）' }));
    await user.type(form.getByRole('textbox', { name: '标识（英文小写）' }), 'after-sales');
    await user.clear(form.getByRole('textbox', { name: '英文名称' }));
    await user.click(form.getByRole('button', { name: '新建部门' }));
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('says so when the key is taken', async () => {
    const { user } = setup({ 'POST /api/departments': { status: 409, body: { code: 'conflict' } } });
    await card('技术支持');
    const form = within(createForm());
    await user.type(form.getByRole('textbox', { name: '标识（英文小写）' }), 'tech');
    await user.type(form.getByRole('textbox', { name: '中文名称' }), '技术');
    await user.type(form.getByRole('textbox', { name: '英文名称' }), 'Tech{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('邮箱或标识已存在');
  });

  it('renames a department, both names at once', async () => {
    const { user, requests } = setup({
      'PATCH /api/departments/tech': (body) => ({ body: { department: { ...tech, ...(body as object) } } }),
    });
    const techCard = await card('技术支持');
    const zh = within(techCard).getByRole('textbox', { name: '中文名称' });
    await user.clear(zh);
    await user.type(zh, '技术支持部');
    await user.click(within(techCard).getByRole('button', { name: '保存 技术支持' }));
    expect(requests.at(-1)).toEqual({ method: 'PATCH', path: '/api/departments/tech', body: { nameZh: '技术支持部', nameEn: 'Technical support' } });
    expect(await screen.findByRole('heading', { name: '技术支持部 tech' })).toBeTruthy();
    expect(within(await card('技术支持部')).getByRole('button', { name: '保存 技术支持部' }).textContent).toBe('已保存');
  });

  it('adds and removes members with a tick', async () => {
    const { user, requests } = setup({
      'PUT /api/departments/tech/members/a2': { body: { department: { ...tech, members: ['a3', 'a2'] } } },
      'DELETE /api/departments/tech/members/a3': { body: { department: { ...tech, members: ['a2'] } } },
    });
    const techCard = await card('技术支持');
    await user.click(within(techCard).getByRole('checkbox', { name: '韩梅梅 属于 技术支持' }));
    await waitFor(() => expect(requests.at(-1)!.method).toBe('PUT'));
    await user.click(within(techCard).getByRole('checkbox', { name: '李雷 属于 技术支持' }));
    await waitFor(() => expect(requests.at(-1)).toEqual({ method: 'DELETE', path: '/api/departments/tech/members/a3', body: undefined }));
    await waitFor(() => expect((within(techCard).getByRole('checkbox', { name: '李雷 属于 技术支持' }) as HTMLInputElement).checked).toBe(false));
    expect((within(techCard).getByRole('checkbox', { name: '韩梅梅 属于 技术支持' }) as HTMLInputElement).checked).toBe(true);
  });

  it('deletes a department only once the admin confirms', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { user, requests } = setup({ 'DELETE /api/departments/tech': { status: 204 } });
    await user.click(await screen.findByRole('button', { name: '删除 技术支持' }));
    expect(confirm).toHaveBeenCalledWith('删除部门“技术支持”？成员关系会一并删除。');
    expect(requests.filter((r) => r.method === 'DELETE')).toEqual([]);

    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: '删除 技术支持' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /技术支持/ })).toBeNull());
    expect(requests.at(-1)).toEqual({ method: 'DELETE', path: '/api/departments/tech', body: undefined });
  });
});
