// @vitest-environment happy-dom
import { createRef } from 'preact';
import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './composer.tsx';
import { translator } from './i18n.ts';

function setup(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const onSend = vi.fn();
  const onHuman = vi.fn();
  render(<Composer t={translator(lang)} inputRef={createRef()} onSend={onSend} onHuman={onHuman} />);
  return { user: userEvent.setup(), onSend, onHuman };
}

const input = (name = '输入消息') => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;
const sendButton = (name = '发送') => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Composer', () => {
  it('Enter sends the message and empties the box', async () => {
    const { user, onSend } = setup();
    expect(input().placeholder).toBe('请输入您的问题…');
    await user.type(input(), '客服热线是多少？{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('客服热线是多少？');
    expect(input().value).toBe('');
  });

  it('Shift+Enter starts a new line instead of sending', async () => {
    const { user, onSend } = setup();
    await user.type(input(), '订单号 1001{Shift>}{Enter}{/Shift}还没发货');
    expect(onSend).not.toHaveBeenCalled();
    expect(input().value).toBe('订单号 1001\n还没发货');
    await user.click(sendButton());
    expect(onSend).toHaveBeenCalledWith('订单号 1001\n还没发货');
  });

  it('cannot send nothing, or only spaces', async () => {
    const { user, onSend } = setup();
    expect(sendButton().disabled).toBe(true);
    await user.type(input(), '   {Enter}');
    expect(sendButton().disabled).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('refuses a message longer than 2000 characters and says so', async () => {
    const { user, onSend } = setup();
    await user.click(input());
    await user.paste('好'.repeat(2001));
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().title).toBe('内容过长（最多 2000 个字）');
    expect(sendButton().disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard('{Backspace}');
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(sendButton().disabled).toBe(false);
  });

  it('offers a human at all times', async () => {
    const { user, onHuman } = setup('en');
    await user.click(screen.getByRole('button', { name: 'Talk to a human' }));
    expect(onHuman).toHaveBeenCalledOnce();
    expect(sendButton('Send').disabled).toBe(true);
    expect(input('Type a message')).toBeTruthy();
  });
});
