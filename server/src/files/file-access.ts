/**
 * Who is asking about a conversation's files: its visitor (the signed visitor token as
 * `Authorization: Bearer …`, checked exactly as the visitor socket's hello checks it) or a signed-in
 * agent (the session cookie). Anyone else, including another conversation's visitor, gets nothing.
 */
import type { Request } from 'express';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { originAllowed } from '../socket/origin.ts';
import type { AgentRecord, ConversationRecord, SiteRecord } from '../storage/storage.ts';

export type Requester = { kind: 'visitor'; visitorId: string } | { kind: 'agent'; agent: AgentRecord };

/** The visitor token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S{1,1000})$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The visitor a token names, for routes that take no conversation id (the widget's upload goes to
 * the visitor's current conversation, as its typed messages do). The site is read from the
 * token's own payload and the token is then verified against that site, so a forged site key
 * fails the signature. Throws `unauthorized` for a missing or invalid token.
 */
export async function visitorOfToken(ctx: KefuContext, req: Request): Promise<{ visitorId: string; site: SiteRecord }> {
  const token = bearerToken(req);
  if (!token) throw new KefuError('unauthorized', 'send the visitor token');
  let siteKey: unknown;
  try {
    siteKey = (JSON.parse(Buffer.from(token.slice(0, token.lastIndexOf('.')), 'base64url').toString('utf8')) as { s?: unknown }).s;
  } catch {
    siteKey = undefined;
  }
  const site = typeof siteKey === 'string' ? await ctx.storage.getSite(siteKey) : undefined;
  const claims = site ? ctx.tokens.verify(token, site, ctx.now()) : undefined;
  if (!site || !claims) throw new KefuError('unauthorized', 'the visitor token is not valid; reload the chat');
  if (!originAllowed(req.headers.origin, req.headers.host, site.allowedOrigins)) throw new KefuError('forbidden', 'origin not allowed for this site');
  return { visitorId: claims.visitorId, site };
}

/** Someone else's conversation looks exactly like a missing one. */
export const conversationNotFound = () => new KefuError('not_found', 'conversation not found');

/**
 * The conversation's visitor or an agent; throws `unauthorized` without credentials, `not_found`
 * for a token of another visitor (or of another site), `forbidden` for a page origin the site does not allow.
 */
export async function requesterOf(ctx: KefuContext, req: Request, conv: ConversationRecord): Promise<Requester> {
  const token = bearerToken(req);
  if (token) {
    const site = await ctx.storage.getSite(conv.siteKey);
    const claims = site ? ctx.tokens.verify(token, site, ctx.now()) : undefined;
    if (!site || !claims) throw new KefuError('unauthorized', 'the visitor token is not valid; reload the chat');
    if (claims.visitorId !== conv.visitorId) throw conversationNotFound();
    // The same rule as the visitor socket: only the site's own pages (or none, for non-browser clients of an open site).
    if (!originAllowed(req.headers.origin, req.headers.host, site.allowedOrigins)) throw new KefuError('forbidden', 'origin not allowed for this site');
    return { kind: 'visitor', visitorId: claims.visitorId };
  }
  const session = await ctx.sessions.fromCookie(req.headers.cookie);
  if (session) return { kind: 'agent', agent: session.agent };
  throw new KefuError('unauthorized', 'sign in, or send the visitor token');
}

/**
 * Cookie-authenticated writes must come from the console's own origin: the session cookie is
 * SameSite=Lax, and this also refuses a same-site page (another port, a sibling app) posting with it.
 */
export function assertSameOriginWrite(req: Request): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== req.headers.host) throw new KefuError('forbidden', 'agents upload from the console only');
}
