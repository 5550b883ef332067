/** Same-origin call of 满意度 / Satisfaction: the ratings summary from `from` (epoch ms) until now. */
import type { RatingSummary } from '@kefu/shared';
import { request } from './team-api.ts';

export const ratingsApi = {
  summary: (from: number) => request<RatingSummary>('GET', `/api/ratings/summary?from=${Math.floor(from)}`),
};
