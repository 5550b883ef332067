/**
 * What a handoff should do given the service hours: queue for a human, or tell the visitor that
 * humans are away, when they are back, and offer to leave a message. The handoff calls this; the
 * widget's hello gets `visitorAvailability` for the site's default department.
 */
import type { Lang, VisitorAvailability } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { availability, type Availability } from './availability.ts';
import { backAt, backAtPhrase, type BackAt } from './back-at.ts';
import { readServiceHours } from './service-hours-store.ts';

/** What the hours need from the server's context. */
export type HoursContext = Pick<KefuContext, 'storage' | 'config'> & { log?: Pick<KefuContext['log'], 'warn'> };

export type HandoffAvailability =
  | { action: 'queue'; closesAt?: number }
  | {
      action: 'leave_message';
      /** When humans are back; absent when no opening is scheduled within a year. */
      opensAt?: number;
      backAt?: BackAt;
      /** The message for the visitor in their language: away, back at …, leave a message. */
      text: string;
    };

const AWAY = {
  'zh-CN': (when?: string) =>
    when ? `现在是人工客服的非工作时间，人工客服将于${when}上线。您可以留言，我们上线后会尽快回复您。` : '人工客服暂时不在线。您可以留言，我们会尽快回复您。',
  en: (when?: string) =>
    when
      ? `Our agents are away right now and will be back ${when}. You can leave a message and we will reply as soon as we are back.`
      : 'Our agents are away right now. You can leave a message and we will reply as soon as we can.',
} satisfies Record<Lang, (when?: string) => string>;

/** Queue inside the department's hours; outside them, the away answer with the time humans return. */
export async function handoffAvailability(ctx: HoursContext, department: string | undefined, now: number, lang: Lang = 'zh-CN'): Promise<HandoffAvailability> {
  const a = await departmentAvailability(ctx, department, now);
  if (a.open) return { action: 'queue', closesAt: a.closesAt };
  if (a.opensAt === undefined) return { action: 'leave_message', text: AWAY[lang]() };
  const when = backAt(a.opensAt, now, ctx.config.timeZone);
  // zh-CN puts a space between the time and 上线: 将于明天 09:00 上线.
  const phrase = backAtPhrase(when, lang);
  return { action: 'leave_message', opensAt: a.opensAt, backAt: when, text: AWAY[lang](lang === 'en' ? phrase : `${phrase} `) };
}

/** Open or closed now for a department (undefined: the default schedule), with when that changes. */
export async function departmentAvailability(ctx: HoursContext, department: string | undefined, now: number): Promise<Availability> {
  const hours = await readServiceHours(ctx.storage, (m) => ctx.log?.warn(m));
  return availability(hours, department, now, ctx.config.timeZone);
}

/** The hello's `availability`: open now, or closed and when it opens (for the widget header). */
export async function visitorAvailability(ctx: HoursContext, department: string | undefined, now: number): Promise<VisitorAvailability> {
  const a = await departmentAvailability(ctx, department, now);
  return a.open ? { open: true } : a.opensAt === undefined ? { open: false } : { open: false, opensAt: a.opensAt };
}
