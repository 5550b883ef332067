// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import type { Lang } from '@kefu/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { NOW, agents, departments, supervisor, ticket } from '../../test/ticket-fixtures.ts';
import { translator } from '../i18n/translate.ts';
import { I18nContext } from './i18n-context.ts';
import { TicketDetailView } from './ticket-detail.tsx';

const HOUR = 3_600_000;
const PATH = '/api/tickets/T20261130-0001';
const RATING = '/api/ratings/tickets/T20261130-0001';
const resolved = ticket({ status: 'resolved', updatedAt: NOW - 2 * HOUR });

function show(lang: Lang, routes: FakeRoutes) {
  const requests = fakeFetch({ [`GET ${PATH}`]: { body: { ticket: resolved, events: [] } }, ...routes });
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <TicketDetailView number="T20261130-0001" me={supervisor} agents={agents} departments={departments} now={NOW} />
    </I18nContext.Provider>,
  );
  return requests;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the ticket detail shows the customer’s rating', () => {
  it('shows the score and comment in zh-CN', async () => {
    show('zh-CN', { [`GET ${RATING}`]: { body: { number: resolved.number, rating: { score: 4, comment: '处理及时，谢谢', at: NOW - HOUR } } } });
    const card = await screen.findByRole('region', { name: '满意度评价' });
    expect(within(card).getByText('4 星（满分 5 星）')).toBeTruthy();
    expect(within(card).getByText('处理及时，谢谢')).toBeTruthy();
  });

  it('shows the score and says there is no comment, in English', async () => {
    show('en', { [`GET ${RATING}`]: { body: { number: resolved.number, rating: { score: 2, at: NOW - HOUR } } } });
    const card = await screen.findByRole('region', { name: 'Satisfaction' });
    expect(within(card).getByText('2 out of 5 stars')).toBeTruthy();
    expect(within(card).getByText('No comment from the customer')).toBeTruthy();
  });

  it('shows nothing when the ticket has no rating', async () => {
    const requests = show('zh-CN', { [`GET ${RATING}`]: { body: { number: resolved.number, rating: null } } });
    expect(await screen.findByRole('heading', { name: /T20261130-0001/ })).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.path === RATING)).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('region', { name: '满意度评价' })).toBeNull();
  });
});
