// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { AgentProfile } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, never, type FakeReply } from '../../test/fake-fetch.ts';
import { SignIn } from './sign-in.tsx';

const agent: AgentProfile = { id: 'a1', email: 'li@example.com', name: '李雷', role: 'agent' };

async function signIn(reply: FakeReply) {
  const requests = fakeFetch({ 'POST /api/auth/login': reply });
  const onSignedIn = vi.fn();
  render(<SignIn onSignedIn={onSignedIn} />);
  const user = userEvent.setup();
  // The cursor starts in the email field.
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '邮箱' }));
  await user.keyboard(' li@example.com ');
  await user.type(screen.getByLabelText('密码'), 'correct horse{Enter}');
  return { requests, onSignedIn };
}

describe('SignIn', () => {
  it('signs in with the trimmed email and the password as typed', async () => {
    const { requests, onSignedIn } = await signIn({ body: { agent } });
    expect(requests).toEqual([{ method: 'POST', path: '/api/auth/login', body: { email: 'li@example.com', password: 'correct horse' } }]);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(agent));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['a wrong password', { status: 401, body: { code: 'unauthorized' } }, '邮箱或密码不正确。'],
    ['a malformed email', { status: 400, body: { code: 'bad_request' } }, '请输入有效的邮箱和密码。'],
    ['too many attempts', { status: 429, body: { code: 'rate_limited' } }, '尝试次数过多，请稍后再试。'],
    ['a proxy error page', { status: 502, body: '<html>' }, '服务器出错了，请稍后再试。'],
  ])('says what went wrong after %s, and stays on the form', async (_, reply, text) => {
    const { onSignedIn } = await signIn(reply);
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onSignedIn).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: '登录' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says the server cannot be reached when the request fails', async () => {
    const requests = fakeFetch({});
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    render(<SignIn onSignedIn={() => undefined} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: '邮箱' }), 'li@example.com');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('无法连接服务器，请检查网络后重试。');
    expect(requests).toEqual([]);
  });

  it('holds the button while the server answers, so a second press sends nothing more', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', () => (calls++, never()));
    render(<SignIn onSignedIn={() => undefined} />);
    await userEvent.type(screen.getByRole('textbox', { name: '邮箱' }), 'li@example.com{Enter}');
    const button = (await screen.findByRole('button', { name: '正在登录…' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('密码'), '{Enter}');
    expect(calls).toBe(1);
  });

  it('shows why the agent was sent here, until they try again', async () => {
    fakeFetch({ 'POST /api/auth/login': { body: { agent } } });
    render(<SignIn onSignedIn={() => undefined} notice="error_unauthorized" />);
    expect(screen.getByRole('alert').textContent).toBe('登录已失效，请重新登录。');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
