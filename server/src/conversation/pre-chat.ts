/**
 * The site's pre-chat form on the server: whether a handoff must carry its answers, what the answers
 * change (the visitor's unsigned name and contact, the department asked for), and the site's default
 * department for a handoff nobody chose one for.
 */
import { PRE_CHAT_OFF, type PreChatAnswers, type PreChatSettings } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { ConversationRecord, SiteRecord, VisitorSeen } from '../storage/storage.ts';

/** How far back the transcript is read for an earlier request for a human. */
const MESSAGES_READ = 200;

/** The site's settings as stored; a site stored before it had them has the form switched off. */
type SiteSettings = Partial<Pick<SiteRecord, 'preChat' | 'defaultDepartment'>> & Pick<SiteRecord, 'key'>;

export function preChatOf(site: SiteRecord | undefined): PreChatSettings {
  return (site as SiteSettings | undefined)?.preChat ?? PRE_CHAT_OFF;
}

/** Where a handoff goes when neither the visitor nor the last answered entry named a department. */
export async function siteDefaultDepartment(ctx: KefuContext, siteKey: string): Promise<string | undefined> {
  return ((await ctx.storage.getSite(siteKey)) as SiteSettings | undefined)?.defaultDepartment;
}

/** True once this conversation has been with the humans, or the visitor has asked for them (the button's message is the record). */
async function handedOffBefore(ctx: KefuContext, conv: ConversationRecord): Promise<boolean> {
  if (conv.queuedAt !== undefined || conv.assignedAt !== undefined) return true;
  const { messages } = await ctx.storage.listLatestMessages(conv.id, MESSAGES_READ);
  return messages.some((m) => m.author === 'visitor' && m.meta?.handoff);
}

/** The form comes before this conversation's first handoff when the site has one (the typed 转人工 asks for it too). */
export async function formComesFirst(ctx: KefuContext, conv: ConversationRecord): Promise<boolean> {
  const settings = preChatOf(await ctx.storage.getSite(conv.siteKey));
  return settings.mode !== 'off' && !(await handedOffBefore(ctx, conv));
}

/** The fields the form asks that `answers` leave empty. */
export function missingAnswers(settings: PreChatSettings, answers: PreChatAnswers | undefined): string[] {
  const missing: string[] = [];
  if (settings.askName && !answers?.name) missing.push('name');
  if (settings.askContact && !answers?.contact) missing.push('contact');
  if (settings.askDepartment && !answers?.department) missing.push('department');
  return missing;
}

/** What accepted answers change: the visitor's unsigned details, and the department the handoff goes to. */
export interface AcceptedAnswers {
  seen?: VisitorSeen;
  department?: string;
}

/**
 * Judges a handoff's answers before anything is stored: a required form not yet answered is refused
 * (`prechat_required`), and so is a department that does not exist (`bad_request`). Only the fields the
 * form asks count; a verified visitor keeps the name and email their site signed.
 */
export async function acceptAnswers(
  ctx: KefuContext,
  conv: ConversationRecord,
  answers: PreChatAnswers | undefined,
): Promise<AcceptedAnswers> {
  const settings = preChatOf(await ctx.storage.getSite(conv.siteKey));
  if (settings.mode === 'off') return {};
  const missing = missingAnswers(settings, answers);
  if (settings.mode === 'required' && missing.length > 0 && !(await handedOffBefore(ctx, conv))) {
    throw new KefuError('prechat_required', `the pre-chat form needs: ${missing.join(', ')}`);
  }
  const accepted: AcceptedAnswers = {};
  if (settings.askDepartment && answers?.department) {
    if (!(await ctx.storage.getDepartment(answers.department))) throw new KefuError('bad_request', `unknown department ${answers.department}`);
    accepted.department = answers.department;
  }
  const seen: VisitorSeen = { now: ctx.now() };
  const verified = (await ctx.storage.getVisitor(conv.visitorId))?.identityVerified === true;
  if (settings.askName && answers?.name && !verified) seen.name = answers.name;
  const contact = settings.askContact ? answers?.contact : undefined;
  if (contact?.includes('@')) {
    if (!verified) seen.email = contact;
  } else if (contact) seen.phone = contact;
  if (seen.name || seen.email || seen.phone) accepted.seen = seen;
  return accepted;
}
