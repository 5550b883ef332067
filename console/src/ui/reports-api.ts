/** Same-origin calls of 报表 / Reports: the ratings summary and the ticket service levels from `from` (epoch ms) until now. */
import type { RatingSummary, TicketReport } from '@kefu/shared';
import { request } from './team-api.ts';

export const reportsApi = {
  ratings: (from: number) => request<RatingSummary>('GET', `/api/ratings/summary?from=${Math.floor(from)}`),
  tickets: (from: number) => request<TicketReport>('GET', `/api/reports/tickets?from=${Math.floor(from)}`),
};
