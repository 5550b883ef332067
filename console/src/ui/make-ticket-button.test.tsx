// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ConversationSummary, Lang } from '@kefu/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { ticket } from '../../test/ticket-fixtures.ts';
import { translator } from '../i18n/translate.ts';
import { consoleReducer } from '../state/console-reducer.ts';
import { initialConsoleState } from '../state/console-state.ts';
import { ConversationView } from './conversation-view.tsx';
import { I18nContext } from './i18n-context.ts';

const summary: ConversationSummary = {
  id: 'c1',
  state: 'assigned',
  visitorId: 'v1',
  visitorName: '访客 3F2A',
  lang: 'zh-CN',
  priority: 0,
  lastSeq: 1,
  createdAt: Date.now() - 60_000,
  updatedAt: Date.now(),
};

function show(routes: FakeRoutes, lang: Lang = 'zh-CN', state: ConversationSummary['state'] = 'assigned') {
  const requests = fakeFetch({ 'GET /api/departments': { body: { departments: [] } }, 'GET /api/canned-replies': { body: { replies: [] } }, [`GET /api/kb/entries?lang=${lang}`]: { body: { entries: [] } }, ...routes });
  const view = consoleReducer(initialConsoleState, {
    type: 'accepted',
    detail: { conversation: { ...summary, state }, messages: [{ id: 'm1', conversationId: 'c1', seq: 1, author: 'visitor', text: '系统崩溃，数据丢失', createdAt: Date.now() - 60_000 }], hasOlder: false },
  }).conversations.c1!;
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <ConversationView view={view} closing={false} drafts={new Map()} onSend={vi.fn()} onRetry={vi.fn()} onClose={vi.fn()} onRemove={vi.fn()} onLoadOlder={vi.fn(async () => undefined)} />
    </I18nContext.Provider>,
  );
  return { user: userEvent.setup(), posts: () => requests.filter((r) => r.method === 'POST') };
}

const made = ticket({ number: 'T20261130-0007' });

describe('转为工单 in the conversation view', () => {
  it('makes a ticket of the conversation in one click and links its number; a second click shows the same ticket', async () => {
    let calls = 0;
    const { user, posts } = show({ 'POST /api/tickets': () => ({ status: ++calls === 1 ? 201 : 200, body: { ticket: made, events: [] } }) });
    const header = screen.getByRole('heading', { level: 2, name: /访客 3F2A/ }).closest('header')!;
    await user.click(within(header).getByRole('button', { name: '转为工单' }));
    expect(posts()).toEqual([{ method: 'POST', path: '/api/tickets', body: { conversationId: 'c1' } }]);
    const status = await within(header).findByRole('status');
    expect(status.textContent).toBe('已转为工单 T20261130-0007');
    expect(within(status).getByRole('link', { name: 'T20261130-0007' }).getAttribute('href')).toBe('#/tickets/T20261130-0007');

    await user.click(screen.getByRole('button', { name: '转为工单' }));
    expect(posts()).toHaveLength(2);
    expect(within(await within(header).findByRole('status')).getByRole('link', { name: 'T20261130-0007' })).toBeTruthy();
  });

  it('says why in English when the server refuses, and is offered on a closed conversation too', async () => {
    const { user } = show({ 'POST /api/tickets': { status: 403, body: { code: 'forbidden', message: 'no' } } }, 'en', 'closed');
    await user.click(screen.getByRole('button', { name: 'Make a ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe(translator('en')('tkErr_forbidden'));
    expect(screen.queryByRole('link', { name: /T2026/ })).toBeNull();
  });

  it('is not offered while the conversation is with the bot or in the queue', () => {
    show({}, 'zh-CN', 'queued');
    expect(screen.queryByRole('button', { name: '转为工单' })).toBeNull();
  });
});
