// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ConversationSummary } from '@kefu/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../test/fake-fetch.ts';
import { translator } from '../i18n/translate.ts';
import { I18nContext } from './i18n-context.ts';
import { QueueList } from './queue-list.tsx';

const NOW = new Date('2026-05-04T10:00:00+08:00').getTime();

const waiting = (over: Partial<ConversationSummary>): ConversationSummary => ({
  id: 'c1',
  state: 'queued',
  visitorId: 'v1',
  visitorName: '访客 3F2A',
  lang: 'zh-CN',
  priority: 0,
  lastSeq: 4,
  createdAt: NOW - 600_000,
  updatedAt: NOW,
  ...over,
});

const queue = [
  waiting({ id: 'c1', visitorName: '访客 3F2A', queuedAt: NOW - 125_000, lastMessage: '我的订单一直没有发货', department: 'billing' }),
  waiting({ id: 'c2', visitorName: 'Visitor 77B1', lang: 'en', queuedAt: NOW - 3_725_000, priority: 2, identity: { name: 'Ann', userId: '42', verified: true } }),
];

function departments() {
  fakeFetch({ 'GET /api/departments': { body: { departments: [{ key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing', members: [] }] } } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('QueueList', () => {
  it('lists each waiting visitor with how long they waited, what they wrote, language, priority and department', async () => {
    departments();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    render(<QueueList queue={queue} accepting={null} onAccept={() => undefined} />);

    expect(screen.getByRole('heading', { name: /排队中/ }).textContent).toContain('排队中2');
    const [first, second] = within(screen.getByRole('list', { name: '排队中' })).getAllByRole('listitem');
    expect(first?.textContent).toContain('访客 3F2A');
    expect(first?.textContent).toContain('已等待 2:05');
    expect(first?.textContent).toContain('我的订单一直没有发货');
    expect(first?.textContent).toContain('中文');
    // The department by the name the team gave it, once the list arrived; never its key.
    expect(await within(first!).findByText('账户与账单')).toBeTruthy();
    expect(first?.textContent).not.toContain('billing');
    expect(first?.textContent).not.toContain('优先级');

    expect(second?.textContent).toContain('已等待 1:02:05');
    expect(second?.textContent).toContain('（暂无消息）');
    expect(second?.textContent).toContain('英文');
    expect(second?.textContent).toContain('优先级 2');
    expect(second?.textContent).toContain('已验证');
    expect(second?.textContent).toContain('未分配部门');

    // The wait is a live clock.
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(first?.textContent).toContain('已等待 3:05');
  });

  it('accepts the visitor whose button was pressed, and holds every button while one acceptance is under way', async () => {
    departments();
    const onAccept = vi.fn();
    const { rerender } = render(<QueueList queue={queue} accepting={null} onAccept={onAccept} />);
    await userEvent.click(screen.getByRole('button', { name: '接入 Visitor 77B1' }));
    expect(onAccept).toHaveBeenCalledWith('c2');

    rerender(<QueueList queue={queue} accepting="c2" onAccept={onAccept} />);
    expect(screen.getByRole('button', { name: '接入 Visitor 77B1' }).textContent).toContain('接入中…');
    expect(screen.getByRole('button', { name: '接入 访客 3F2A' }).textContent).toBe('接入');
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('says nobody is waiting when the queue is empty', () => {
    departments();
    render(<QueueList queue={[]} accepting={null} onAccept={() => undefined} />);
    const list = screen.getByRole('list', { name: '排队中' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    // The stylesheet shows `data-empty` in an empty list (`.queue:empty::before`): the list must really be empty.
    expect(list.matches(':empty')).toBe(true);
    expect(list.dataset.empty).toBe('暂时没有排队的访客。');
    expect(screen.getByRole('heading', { name: /排队中/ }).textContent).toContain('排队中0');
  });

  it('speaks the viewer’s language', async () => {
    departments();
    render(
      <I18nContext.Provider value={{ lang: 'en', t: translator('en') }}>
        <QueueList queue={queue.slice(0, 1)} accepting={null} onAccept={() => undefined} />
      </I18nContext.Provider>,
    );
    const item = within(screen.getByRole('list', { name: 'Waiting queue' })).getByRole('listitem');
    expect(await within(item).findByText('Accounts & billing')).toBeTruthy();
    expect(item?.textContent).toContain('Chinese');
    expect((screen.getByRole('button', { name: 'Accept 访客 3F2A' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
