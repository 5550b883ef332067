/**
 * The first promise a ticket's confirmation names ("15 分钟内响应"): its response clock (a fault's
 * from tier and plan, a complaint's 24 h), or a suggestion's acceptance (1 个工作日内受理).
 */
import type { Lang } from '@kefu/shared';
import type { StoredClock, TicketRecord } from '../storage/ticket-storage.ts';

const DAY_MS = 86_400_000;

/** "15 分钟" / "15 minutes", "2 小时" / "2 hours", "1 个工作日" / "1 working day". */
export function spanText(clock: Pick<StoredClock, 'basis' | 'promisedMs'>, lang: Lang): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (clock.basis === 'workingDays') {
    const days = Math.round(clock.promisedMs / DAY_MS);
    return lang === 'zh-CN' ? `${days} 个工作日` : plural(days, 'working day');
  }
  const minutes = Math.round(clock.promisedMs / 60_000);
  if (minutes < 60 || minutes % 60 !== 0) return lang === 'zh-CN' ? `${minutes} 分钟` : plural(minutes, 'minute');
  return lang === 'zh-CN' ? `${minutes / 60} 小时` : plural(minutes / 60, 'hour');
}

/** "15 分钟内响应" / "a response within 15 minutes"; undefined for a ticket without clocks. */
export function responsePromiseText(ticket: Pick<TicketRecord, 'clocks'>, lang: Lang): string | undefined {
  const response = ticket.clocks.find((c) => c.clock === 'response');
  if (response) return lang === 'zh-CN' ? `${spanText(response, lang)}内响应` : `a response within ${spanText(response, lang)}`;
  const acceptance = ticket.clocks.find((c) => c.clock === 'acceptance');
  if (acceptance) return lang === 'zh-CN' ? `${spanText(acceptance, lang)}内受理` : `acceptance within ${spanText(acceptance, lang)}`;
  return undefined;
}
