/**
 * Who may see a ticket on the public status page: whoever names its number with the requester's
 * email, or the widget's visitor who opened it (their token). Every other pair — a wrong email, an
 * unknown number, someone else's token — ends in the same `not_found` after the same work, so the
 * answer never tells whether a number exists.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { originAllowed } from '../socket/origin.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';

/** The one answer to every pair that does not open a ticket. */
export const statusNotFound = () => new KefuError('not_found', '未找到该工单，或邮箱与工单不符 / No ticket found, or the email does not match');

/** The email a ticket's requester left: the recorded one, or a typed contact that is an email. */
function requesterEmail(t: TicketRecord): string | undefined {
  if (t.requesterEmail) return t.requesterEmail;
  return t.contact?.includes('@') ? t.contact.trim() : undefined;
}

const digest = (s: string): Buffer => createHash('sha256').update(s.trim().toLowerCase()).digest();
/** Compared as fixed-length digests, so the time taken says nothing about how much of the email matched. */
const sameEmail = (given: string, stored: string | undefined): boolean => {
  const ok = timingSafeEqual(digest(given), digest(stored ?? '\u0000no email'));
  return ok && stored !== undefined;
};

/**
 * The visitor a widget token names, verified against the site in its own payload (undefined when not
 * genuine). A browser calling from another page names it in Origin: only the site's own pages count, as
 * for the widget's socket; a top-level visit to /status sends none.
 */
async function tokenVisitor(ctx: KefuContext, token: string, from: { origin?: string; host?: string }): Promise<string | undefined> {
  let siteKey: unknown;
  try {
    siteKey = (JSON.parse(Buffer.from(token.slice(0, Math.max(0, token.lastIndexOf('.'))), 'base64url').toString('utf8')) as { s?: unknown }).s;
  } catch {
    siteKey = undefined;
  }
  const site = typeof siteKey === 'string' && siteKey.length <= 64 ? await ctx.storage.getSite(siteKey) : undefined;
  if (!site || (from.origin && !originAllowed(from.origin, from.host, site.allowedOrigins))) return undefined;
  return ctx.tokens.verify(token, site, ctx.now())?.visitorId;
}

export interface StatusCredentials {
  number: string;
  email?: string;
  /** The widget's visitor token, and where the request came from (its Origin header and Host). */
  token?: string;
  origin?: string;
  host?: string;
}

/** The ticket the credentials open; `statusNotFound` for every other case. */
export async function ticketForStatus(ctx: KefuContext, c: StatusCredentials): Promise<TicketRecord> {
  // The token is checked before the ticket is read, so its cost does not depend on the number.
  const visitorId = c.token ? await tokenVisitor(ctx, c.token, { ...(c.origin ? { origin: c.origin } : {}), ...(c.host ? { host: c.host } : {}) }) : undefined;
  const t = await ctx.storage.getTicketByNumber(c.number);
  const byEmail = c.email !== undefined && sameEmail(c.email, t ? requesterEmail(t) : undefined);
  const byToken = visitorId !== undefined && t?.visitorId === visitorId;
  if (!t || !(byEmail || byToken)) throw statusNotFound();
  return t;
}
