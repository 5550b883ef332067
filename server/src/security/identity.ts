/**
 * Identity verification for `Kefu('identify', …)`: the host site's backend signs its user id with
 * the site's identity secret, either as hex HMAC-SHA256(userId) or as an HS256 JWT whose `sub` is
 * the user id. Only a verified user id may link a visitor across devices.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VisitorIdentity } from '@kefu/shared';
import { KefuError } from '../kefu-error.ts';

/** What the server believes about who the visitor is. */
export interface CheckedIdentity {
  userId?: string;
  name?: string;
  email?: string;
  /** True only when the user id (and, for a JWT, the name and email) were signed with the site's secret. */
  verified: boolean;
}

/** The site settings verification needs. */
export interface IdentitySite {
  identitySecret?: string;
  identityRequired: boolean;
}

/** Hex HMAC-SHA256 of the user id: what the host site's backend computes for `signature`. */
export function identitySignature(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/** Constant-time comparison of two strings of bytes. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(message: string): never {
  throw new KefuError('unauthorized', message);
}

const text = (x: unknown, max: number): string | undefined => (typeof x === 'string' && x.trim() && x.length <= max ? x.trim() : undefined);

/** Verifies an HS256 JWT and returns its claims; throws `unauthorized` for anything else. */
export function verifyHs256(jwt: string, secret: string, now: number): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3) refuse('identity token is not a JWT');
  const [head, body, sig] = parts as [string, string, string];
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    refuse('identity token is not a JWT');
  }
  // Only HS256: "none" and asymmetric algorithms (whose public key could be confused with the secret) never pass.
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') refuse('identity token must use HS256');
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  if (!sameBytes(Buffer.from(sig, 'base64url'), expected)) refuse('identity token signature is wrong');
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) refuse('identity token has no claims');
  const c = claims as Record<string, unknown>;
  if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) refuse('identity token has no expiry');
  if ((c.exp as number) * 1000 <= now) refuse('identity token has expired');
  if (typeof c.nbf === 'number' && c.nbf * 1000 > now + 60_000) refuse('identity token is not valid yet');
  return c;
}

/**
 * Checks the identity a hello carries against its site. A signed identity must verify (a wrong
 * signature is refused even where signing is optional: it is an error, not an anonymous visitor);
 * an unsigned one is refused where the site requires verification, else kept as an unverified hint.
 */
export function checkIdentity(identity: VisitorIdentity | undefined, site: IdentitySite, now: number): CheckedIdentity {
  const name = identity?.name?.trim() || undefined;
  const email = identity?.email?.trim() || undefined;
  const userId = identity?.userId?.trim() || undefined;
  const signed = identity?.jwt !== undefined || identity?.signature !== undefined;
  if (!signed) {
    if (site.identityRequired) refuse('this site requires a signed identity (identify with userId and signature, or jwt)');
    return { userId, name, email, verified: false };
  }
  const secret = site.identitySecret;
  if (!secret) refuse('this site has no identity secret; a signed identity cannot be checked');
  if (identity?.jwt !== undefined) {
    const claims = verifyHs256(identity.jwt, secret!, now);
    const sub = text(claims.sub, 128);
    if (!sub) refuse('identity token has no subject');
    if (userId !== undefined && userId !== sub) refuse('identity token is for another user');
    return { userId: sub, name: text(claims.name, 80) ?? name, email: text(claims.email, 254) ?? email, verified: true };
  }
  if (!userId) refuse('a signature needs the userId it signs');
  const given = Buffer.from(identity!.signature!.trim().toLowerCase(), 'utf8');
  if (!sameBytes(given, Buffer.from(identitySignature(userId!, secret!), 'utf8'))) refuse('identity signature is wrong');
  return { userId, name, email, verified: true };
}
