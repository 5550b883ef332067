/** Agent session tokens: random, only their SHA-256 is stored, so a leaked database opens no session. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kefu_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The proof a console socket shows besides the cookie. The cookie rides along with any same-site
 * request (a `<script>` JSONP handshake, a form post); this value is only handed out in the JSON of
 * `/api/auth/login` and `/api/auth/me`, which only same-origin JavaScript can read.
 */
export function socketTokenFor(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`agent-socket:${tokenHash}`).digest('base64url');
}

/** Constant-time string comparison (no early exit on the first differing byte). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
