// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Department } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeReply } from '../../test/fake-fetch.ts';
import { InvitePanel } from './invite-panel.tsx';

const departments: Department[] = [
  { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', members: [] },
  { key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: [] },
];

function setup(reply: FakeReply = { status: 201, body: { invite: { email: 'wang@example.com', role: 'supervisor', department: 'billing', expiresAt: 1, path: '/console/#/invite/tok123' } } }) {
  const requests = fakeFetch({ 'POST /api/team/invites': reply });
  const onClose = vi.fn();
  render(<InvitePanel departments={departments} onClose={onClose} />);
  return { user: userEvent.setup(), requests, onClose };
}

describe('InvitePanel', () => {
  it('sends the email, role and department, then shows the one-time link to copy', async () => {
    const { user, requests } = setup();
    expect(screen.getByRole('region', { name: '邀请新客服' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '被邀请人邮箱' }), ' wang@example.com ');
    await user.selectOptions(screen.getByRole('combobox', { name: '角色' }), '主管');
    await user.selectOptions(screen.getByRole('combobox', { name: '加入部门' }), '账户与账单');
    await user.click(screen.getByRole('button', { name: '生成链接' }));

    expect(requests).toEqual([{ method: 'POST', path: '/api/team/invites', body: { email: 'wang@example.com', role: 'supervisor', department: 'billing' } }]);
    const link = (await screen.findByRole('textbox', { name: '邀请链接（7 天内有效，仅可使用一次）' })) as HTMLInputElement;
    expect(link.value).toBe(`${location.origin}/console/#/invite/tok123`);
    expect(link.readOnly).toBe(true);
    expect(screen.getByText('把链接发给 wang@example.com，对方打开后设置显示名和密码即可加入。')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '复制' }));
    expect(await navigator.clipboard.readText()).toBe(link.value);
    expect(screen.getByRole('button', { name: '已复制' })).toBeTruthy();
  });

  it('sends no department when none is chosen, and an agent role by default', async () => {
    const { user, requests } = setup();
    await user.type(screen.getByRole('textbox', { name: '被邀请人邮箱' }), 'wang@example.com{Enter}');
    expect(requests[0]!.body).toEqual({ email: 'wang@example.com', role: 'agent' });
  });

  it('sends nothing until the email is an email', async () => {
    const { user, requests } = setup();
    await user.click(screen.getByRole('button', { name: '生成链接' }));
    await user.type(screen.getByRole('textbox', { name: '被邀请人邮箱' }), 'wang.example.com');
    await user.click(screen.getByRole('button', { name: '生成链接' }));
    expect(requests).toEqual([]);
    expect((screen.getByRole('textbox', { name: '被邀请人邮箱' }) as HTMLInputElement).validity.valid).toBe(false);
  });

  it('says why the server refused, and shows no link', async () => {
    const { user } = setup({ status: 409, body: { code: 'conflict' } });
    await user.type(screen.getByRole('textbox', { name: '被邀请人邮箱' }), 'li@example.com{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('与现有数据冲突：邮箱或标识已存在，或不能停用自己和最后一位管理员。');
    expect(screen.queryByRole('textbox', { name: /邀请链接/ })).toBeNull();
  });

  it('closes with 完成', async () => {
    const { user, onClose } = setup();
    await user.click(screen.getByRole('button', { name: '完成' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
