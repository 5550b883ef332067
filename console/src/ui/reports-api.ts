/** Same-origin calls of 报表 / Reports, each from `from` (epoch ms) until now: chats, ticket service levels, ratings. */
import type { ChatReport, RatingSummary, TicketReport } from '@kefu/shared';
import { request } from './team-api.ts';

export const reportsApi = {
  ratings: (from: number) => request<RatingSummary>('GET', `/api/ratings/summary?from=${Math.floor(from)}`),
  chats: (from: number) => request<ChatReport>('GET', `/api/reports/chats?from=${Math.floor(from)}`),
  tickets: (from: number) => request<TicketReport>('GET', `/api/reports/tickets?from=${Math.floor(from)}`),
};
