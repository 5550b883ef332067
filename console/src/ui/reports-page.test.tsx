// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ChatReport, RatingSummary, TicketReport } from '@kefu/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { translator } from '../i18n/translate.ts';
import { I18nContext } from './i18n-context.ts';
import { ReportsPage } from './reports-page.tsx';

const NOW = Date.UTC(2026, 10, 30, 8, 0);
const DAY = 24 * 60 * 60 * 1000;
const path = (days: number) => `GET /api/ratings/summary?from=${NOW - days * DAY}`;
const levelsPath = (days: number) => `GET /api/reports/tickets?from=${NOW - days * DAY}`;
const chatsPath = (days: number) => `GET /api/reports/chats?from=${NOW - days * DAY}`;
const MIN = 60_000;
const levels: TicketReport = {
  from: NOW - 30 * DAY,
  to: NOW,
  all: { created: 12, resolved: 9, firstLine: 6, firstResponseMs: 28 * MIN, resolutionMs: 18.5 * 60 * MIN, clocksMet: 19, clocksMissed: 1 },
  byTier: [
    { tier: 'urgent', created: 2, resolved: 2, firstLine: 1, firstResponseMs: 10 * MIN, resolutionMs: 3 * 60 * MIN, clocksMet: 4, clocksMissed: 1 },
    { tier: 'normal', created: 10, resolved: 7, firstLine: 5, firstResponseMs: null, resolutionMs: null, clocksMet: 15, clocksMissed: 0 },
  ],
};
const chatFigures: ChatReport = {
  from: NOW - 30 * DAY,
  to: NOW,
  conversations: 40,
  served: 10,
  ticketed: 4,
  leftQueue: 2,
  byAgent: [
    { agentId: 'a1', name: '张三', taken: 7, firstReplyMs: 45_000 },
    { agentId: 'a2', name: '李四', taken: 3, firstReplyMs: null },
  ],
  waits: { count: 10, meanMs: 3 * 60_000, longestMs: 12 * 60_000 },
  waitsByDepartment: [
    { department: 'tech', name: { zh: '技术支持', en: 'Tech support' }, count: 6, meanMs: 4 * 60_000, longestMs: 12 * 60_000 },
    { department: 'gone', count: 4, meanMs: 90_000, longestMs: 2 * 60_000 },
  ],
};
const noChats: ChatReport = { from: NOW - 7 * DAY, to: NOW, conversations: 0, served: 0, ticketed: 0, leftQueue: 0, byAgent: [], waits: { count: 0, meanMs: null, longestMs: null }, waitsByDepartment: [] };
const noLevels: TicketReport = { from: NOW - 7 * DAY, to: NOW, all: { created: 0, resolved: 0, firstLine: 0, firstResponseMs: null, resolutionMs: null, clocksMet: 0, clocksMissed: 0 }, byTier: [] };

const summary: RatingSummary = {
  from: NOW - 30 * DAY,
  to: NOW,
  chats: {
    all: { count: 5, average: 4.2, satisfied: 0.8 },
    byAgent: [
      { agentId: 'a2', name: '李四', count: 2, average: 3.5, satisfied: 0.5 },
      { agentId: 'a1', name: '张三', count: 3, average: 4.67, satisfied: 1 },
    ],
    byDepartment: [{ department: 'tech', name: { zh: '技术支持', en: 'Tech support' }, count: 5, average: 4.2, satisfied: 0.8 }],
  },
  tickets: {
    all: { count: 2, average: 3, satisfied: 0.5 },
    byAgent: [{ agentId: null, count: 2, average: 3, satisfied: 0.5 }],
    byDepartment: [{ department: null, count: 2, average: 3, satisfied: 0.5 }],
    byTier: [{ tier: 'urgent', count: 2, average: 3, satisfied: 0.5 }],
  },
  comments: [
    { kind: 'ticket', ref: 'T20261128-0003', score: 2, comment: '修了两次还没好', at: NOW - 2 * DAY },
    { kind: 'chat', ref: 'conv-9', score: 5, comment: '回复很快，谢谢', agentId: 'a1', agentName: '张三', at: NOW - DAY },
  ],
};

function setup(routes: FakeRoutes, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const requests = fakeFetch(routes);
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <ReportsPage />
    </I18nContext.Provider>,
  );
  return { user: userEvent.setup(), requests };
}

const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => r.textContent);

describe('ReportsPage', () => {
  beforeEach(() => vi.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => vi.restoreAllMocks());

  it('shows the last 30 days: chat and ticket averages, per agent (best first), department and tier, and the comments with links', async () => {
    setup({ [path(30)]: { body: summary }, [levelsPath(30)]: { body: levels }, [chatsPath(30)]: { body: chatFigures } });
    const chatCard = await screen.findByRole('region', { name: '会话' });
    // Of 40: 10 taken, 4 became tickets and 2 were left in the queue, so the bot handled 24 alone.
    expect(within(chatCard).getByText('40 个会话，机器人独立解答 24 个（60%）')).toBeTruthy();
    expect(within(chatCard).getAllByRole('term').map((d) => d.textContent)).toEqual(['客服接待', '转为工单', '排队时离开', '平均排队时长', '最长排队']);
    expect(within(chatCard).getAllByRole('definition').map((d) => d.textContent)).toEqual(['10', '4', '2', '3分钟', '12分钟']);
    expect(rows(within(chatCard).getByRole('table', { name: '按客服' }))).toEqual(['张三745秒钟', '李四3—']);
    expect(rows(within(chatCard).getByRole('table', { name: '按部门' }))).toEqual(['技术支持64分钟12分钟', 'gone42分钟2分钟']);
    const service = await screen.findByRole('region', { name: '工单时效' });
    expect(within(service).getByText('新建 12 张工单，已解决 9 张')).toBeTruthy();
    const figures = within(service).getAllByRole('definition').map((d) => d.textContent);
    // 6 of the 9 resolved were never escalated.
    expect(figures).toEqual(['28分钟', '19小时', '67%', '95%（按时 19 项，超时 1 项）']);
    expect(rows(within(service).getByRole('table', { name: '按等级' }))).toEqual(['紧急2210分钟3小时50%80%', '一般107——71%100%']);
    const chats = screen.getByRole('region', { name: '会话评价' });
    expect(within(chats).getByText('平均 4.2 分（满分 5 分），满意率 80%，共 5 条评价')).toBeTruthy();
    expect(rows(within(chats).getByRole('table', { name: '按客服' }))).toEqual(['张三34.7100%', '李四23.550%']);
    expect(rows(within(chats).getByRole('table', { name: '按部门' }))).toEqual(['技术支持54.280%']);

    const tickets = screen.getByRole('region', { name: '工单评价' });
    expect(rows(within(tickets).getByRole('table', { name: '按客服' }))).toEqual(['无客服23.050%']);
    expect(rows(within(tickets).getByRole('table', { name: '按部门' }))).toEqual(['未分部门23.050%']);
    expect(rows(within(tickets).getByRole('table', { name: '按等级' }))).toEqual(['紧急23.050%']);

    const comments = screen.getByRole('region', { name: '最新评价意见' });
    const items = within(comments).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('修了两次还没好');
    expect(within(items[0]!).getByRole('link', { name: '工单 T20261128-0003' }).getAttribute('href')).toBe('#/tickets/T20261128-0003');
    expect(items[1]!.textContent).toContain('5 分');
    expect(items[1]!.textContent).toContain('张三');
    expect(within(items[1]!).getByRole('link', { name: '查看会话' }).getAttribute('href')).toBe('#/history/conv-9');
  });

  it('asks again for another period, says when there is nothing yet, and in English', async () => {
    const empty: RatingSummary = {
      from: NOW - 7 * DAY,
      to: NOW,
      chats: { all: { count: 0, average: 0, satisfied: 0 }, byAgent: [], byDepartment: [] },
      tickets: { all: { count: 0, average: 0, satisfied: 0 }, byAgent: [], byDepartment: [], byTier: [] },
      comments: [],
    };
    const { user, requests } = setup({ [path(30)]: { body: summary }, [path(7)]: { body: empty }, [levelsPath(30)]: { body: levels }, [levelsPath(7)]: { body: noLevels }, [chatsPath(30)]: { body: chatFigures }, [chatsPath(7)]: { body: noChats } }, 'en');
    await within(await screen.findByRole('region', { name: 'Ticket ratings' })).findByRole('table', { name: 'By tier' });
    expect(within(screen.getByRole('region', { name: 'Ticket service levels' })).getByText('Tickets created: 12 · resolved: 9')).toBeTruthy();
    expect(screen.getByText('Average 4.2 out of 5 · satisfied 80% · ratings: 5')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 7 days');
    await waitFor(() => expect(screen.getAllByText('No ratings in this period.')).toHaveLength(2));
    expect(screen.getByText('No comments in this period.')).toBeTruthy();
    expect(screen.getByText('No tickets were created in this period.')).toBeTruthy();
    expect(screen.getByText('No chats in this period.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(requests.map((r) => r.path).sort()).toEqual([path(30), path(7), levelsPath(30), levelsPath(7), chatsPath(30), chatsPath(7)].map((p) => p.slice(4)).sort());
  });

  it('asks for whole local days from one date to the other, and refuses an end before the start', async () => {
    // 1 to 3 November in the browser's time zone: from that midnight to the midnight after the 3rd.
    const from = new Date(2026, 10, 1).getTime();
    const to = new Date(2026, 10, 4).getTime();
    const range = `?from=${from}&to=${to}`;
    const { user, requests } = setup({
      [path(30)]: { body: summary },
      [levelsPath(30)]: { body: levels },
      [chatsPath(30)]: { body: chatFigures },
      [`GET /api/ratings/summary${range}`]: { body: summary },
      [`GET /api/reports/tickets${range}`]: { body: noLevels },
      [`GET /api/reports/chats${range}`]: { body: noChats },
    });
    await screen.findByRole('region', { name: '工单时效' });
    await user.selectOptions(screen.getByRole('combobox', { name: '时间范围' }), '自定义日期');
    const start = screen.getByLabelText('开始日期') as HTMLInputElement;
    const end = screen.getByLabelText('结束日期') as HTMLInputElement;
    // It starts from the same last 30 days, as dates.
    expect(end.value).toBe(new Date(NOW).toISOString().slice(0, 10));
    fireEvent.change(end, { target: { value: '2026-10-31' } });
    fireEvent.change(start, { target: { value: '2026-11-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('开始日期不能晚于结束日期。');
    fireEvent.change(end, { target: { value: '2026-11-03' } });
    await within(await screen.findByRole('region', { name: '工单时效' })).findByText('这段时间没有新建工单。');
    expect(requests.map((r) => r.path)).toEqual(expect.arrayContaining([`/api/reports/chats${range}`, `/api/reports/tickets${range}`, `/api/ratings/summary${range}`]));
  });

  it('says so when the server refuses (an agent below supervisor)', async () => {
    setup({ [path(30)]: { status: 403, body: { code: 'forbidden', message: 'supervisor required' } }, [levelsPath(30)]: { status: 403, body: { code: 'forbidden', message: 'supervisor required' } }, [chatsPath(30)]: { status: 403, body: { code: 'forbidden', message: 'supervisor required' } } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(translator('zh-CN')('error_forbidden'));
  });
});
