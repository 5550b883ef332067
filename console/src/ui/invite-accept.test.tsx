// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { AgentProfile } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeReply } from '../../test/fake-fetch.ts';
import { InviteAccept } from './invite-accept.tsx';

const invite = { email: 'wang@example.com', role: 'supervisor', department: 'billing', expiresAt: Date.now() + 86_400_000 };
const agent: AgentProfile = { id: 'a9', email: 'wang@example.com', name: '王芳', role: 'supervisor' };

function open(info: FakeReply = { body: { invite } }, accept: FakeReply = { status: 201, body: { agent } }) {
  const requests = fakeFetch({ 'GET /api/team/invites/tok%2F1': info, 'POST /api/team/invites/tok%2F1/accept': accept });
  const onSignedIn = vi.fn();
  const onCancel = vi.fn();
  render(<InviteAccept token="tok/1" onSignedIn={onSignedIn} onCancel={onCancel} />);
  return { user: userEvent.setup(), requests, onSignedIn, onCancel };
}

describe('InviteAccept', () => {
  it('says who is invited as what, and joins with the trimmed name and the password', async () => {
    const { user, requests, onSignedIn } = open();
    expect(await screen.findByText('您受邀以「主管」身份加入，账号为 wang@example.com。设置显示名和密码后即可进入工作台。')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '显示名（访客可见）' }), ' 王芳 ');
    await user.type(screen.getByLabelText('设置密码（至少 8 位）'), 'long enough{Enter}');
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/api/team/invites/tok%2F1/accept', body: { name: '王芳', password: 'long enough' } });
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(agent));
  });

  it('asks for a name and a password of 8 characters before sending anything', async () => {
    const { user, requests } = open();
    const name = await screen.findByRole('textbox', { name: '显示名（访客可见）' });
    await user.type(screen.getByLabelText('设置密码（至少 8 位）'), 'long enough{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('请检查填写的内容。');
    await user.type(name, '王芳');
    await user.clear(screen.getByLabelText('设置密码（至少 8 位）'));
    await user.type(screen.getByLabelText('设置密码（至少 8 位）'), '1234567{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('请检查填写的内容。');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each([
    ['an unknown link', { status: 404, body: { code: 'not_found' } }, '邀请链接无效。'],
    ['a used link', { status: 409, body: { code: 'conflict' } }, '此邀请链接已被使用。'],
    ['an expired link', { status: 409, body: { code: 'invalid_state' } }, '邀请链接已过期，请联系管理员重新邀请。'],
  ])('says so for %s, with no form to fill', async (_, reply, text) => {
    open(reply);
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says so when the link was used while the form was open', async () => {
    const { user } = open({ body: { invite } }, { status: 409, body: { code: 'conflict' } });
    await user.type(await screen.findByRole('textbox', { name: '显示名（访客可见）' }), '王芳');
    await user.type(screen.getByLabelText('设置密码（至少 8 位）'), 'long enough{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('此邀请链接已被使用。');
  });

  it('leads to the sign-in form for someone who has an account', async () => {
    const { user, onCancel } = open();
    await user.click(screen.getByRole('button', { name: '我已有账号' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
