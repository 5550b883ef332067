// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ConversationSummary } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationView } from '../state/console-state.ts';
import { MyConversations } from './my-conversations.tsx';

const view = (summary: Partial<ConversationSummary>, unread = 0): ConversationView => ({
  summary: { id: 'c1', state: 'assigned', visitorId: 'v1', visitorName: '访客 3F2A', lang: 'zh-CN', priority: 0, lastSeq: 3, createdAt: 1, updatedAt: 2, ...summary },
  messages: [],
  loaded: true,
  hasOlder: false,
  pending: [],
  unread,
  visitorTyping: false,
  readSeq: 0,
});

const views = [
  view({ id: 'c1', visitorName: '访客 3F2A', lastMessage: '发票什么时候能开？' }, 2),
  view({ id: 'c2', visitorName: 'Visitor 77B1', lang: 'en', state: 'closed' }),
];

describe('MyConversations', () => {
  it('names each conversation by visitor with its unread count, and describes state, language and last words', () => {
    render(<MyConversations views={views} openId="c2" onSelect={() => undefined} />);
    expect(screen.getByRole('heading', { name: /我的会话/ }).textContent).toBe('我的会话2');
    const unread = screen.getByRole('button', { name: '访客 3F2A, 2 条未读' });
    expect(unread.getAttribute('aria-describedby')).toBe('mine-desc-c1');
    expect(document.getElementById('mine-desc-c1')!.textContent).toBe('进行中中文发票什么时候能开？');
    const closed = screen.getByRole('button', { name: 'Visitor 77B1' });
    expect(document.getElementById('mine-desc-c2')!.textContent).toBe('已结束英文（暂无消息）');
    // The open one is marked as current, for screen readers and the stylesheet.
    expect(closed.getAttribute('aria-current')).toBe('true');
    expect(unread.getAttribute('aria-current')).toBeNull();
  });

  it('opens the conversation clicked', async () => {
    const onSelect = vi.fn();
    render(<MyConversations views={views} openId={null} onSelect={onSelect} />);
    await userEvent.click(screen.getByRole('button', { name: /访客 3F2A/ }));
    expect(onSelect).toHaveBeenCalledWith('c1');
  });

  it('says there are none yet when the list is empty', () => {
    render(<MyConversations views={[]} openId={null} onSelect={() => undefined} />);
    const list = screen.getByRole('list', { name: '我的会话' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    // Shown by the stylesheet from `data-empty` while the list is empty.
    expect(list.matches(':empty')).toBe(true);
    expect(list.dataset.empty).toBe('还没有会话。从排队列表接入一位访客。');
  });
});
