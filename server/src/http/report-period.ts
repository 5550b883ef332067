/** The period a report covers: `?from&to` (epoch ms), the last 30 days up to now when absent. */
import type { PeriodQuery } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';

/** The window a report covers when `from` is not given. */
export const REPORT_DEFAULT_DAYS = 30;

export function reportPeriod(ctx: KefuContext, query: PeriodQuery): { from: number; to: number } {
  const to = query.to ?? ctx.now() + 1;
  const from = query.from ?? to - REPORT_DEFAULT_DAYS * 24 * 60 * 60 * 1000;
  if (from >= to) throw new KefuError('bad_request', 'from: must be before to');
  return { from, to };
}
