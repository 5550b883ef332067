/** Same-origin calls of 报表 / Reports, each from `from` until `to` (epoch ms; now when absent): chats, ticket service levels, ratings. */
import type { ChatReport, RatingSummary, TicketReport } from '@kefu/shared';
import { request } from './team-api.ts';

const period = (from: number, to?: number): string => `from=${Math.floor(from)}${to === undefined ? '' : `&to=${Math.floor(to)}`}`;

export const reportsApi = {
  ratings: (from: number, to?: number) => request<RatingSummary>('GET', `/api/ratings/summary?${period(from, to)}`),
  chats: (from: number, to?: number) => request<ChatReport>('GET', `/api/reports/chats?${period(from, to)}`),
  tickets: (from: number, to?: number) => request<TicketReport>('GET', `/api/reports/tickets?${period(from, to)}`),
};
