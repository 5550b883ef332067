/**
 * The timeline a complaint or suggestion shows, from its own clocks: each step of the seeds' process
 * (初步响应 24 小时内, 受理 1 个工作日内, 调查核实 3–5 个工作日, 处理反馈 7–10 个工作日) with this ticket's
 * dates, a range where the promise is one.
 */
import type { Lang, VisitorTicketClock } from '@kefu/shared';
import { STEP, fill, stringsFor } from './strings.ts';

export interface TimelineStep {
  label: string;
  /** "11月30日 14:05 前" or "12月3日 至 12月5日". */
  when: string;
  done: boolean;
}

/** 11月30日 14:05 / Nov 30, 14:05, in the visitor's time zone; whole days without the time. */
export function formatWhen(at: number, lang: Lang, withTime = true): string {
  const options: Intl.DateTimeFormatOptions = withTime ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(lang, options).format(at);
}

export function timeline(clocks: readonly VisitorTicketClock[], lang: Lang): TimelineStep[] {
  const s = stringsFor(lang);
  return clocks.flatMap((c) => {
    if (c.dueAt === undefined) return [];
    // Working-day promises end with a day, not an hour: they read as dates.
    const days = c.clock !== 'response';
    const due = formatWhen(c.dueAt, lang, !days);
    const when = c.targetAt !== undefined ? fill(s.between, { a: formatWhen(c.targetAt, lang, false), b: due }) : fill(s.by, { d: due });
    return [{ label: STEP[c.clock][lang], when, done: c.met }];
  });
}
