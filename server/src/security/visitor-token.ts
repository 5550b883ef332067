/**
 * Visitor tokens: `payload.signature`, HMAC-SHA256 over a base64url JSON payload naming the visitor,
 * its site, the site's token generation and when it was issued. A token opens only its own visitor,
 * expires after `lifetimeMs`, is renewed silently past half its life, and dies when the site
 * rotates its tokens (the generation moves on).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

/** Thirty days: a visitor who comes back within a month (and every fortnight renews) keeps their conversation. */
export const VISITOR_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** What the site looks like now, for checking a token against it. */
export interface TokenSite {
  key: string;
  tokenGeneration: number;
}

/** A genuine, current token. */
export interface TokenClaims {
  visitorId: string;
  /** Past half its life (or of the old format): hello answers with a fresh one. */
  renew: boolean;
}

export interface VisitorTokens {
  issue(visitorId: string, site: TokenSite, now: number): string;
  /** The claims of a genuine token that is unexpired and of the site's current generation, else undefined. */
  verify(token: string, site: TokenSite, now: number): TokenClaims | undefined;
}

interface Payload {
  /** visitor id */
  v: string;
  /** site key */
  s: string;
  /** site token generation */
  g: number;
  /** issued at, ms */
  t: number;
}

const isPayload = (x: unknown): x is Payload => {
  const p = x as Payload;
  return typeof x === 'object' && x !== null && typeof p.v === 'string' && typeof p.s === 'string' && Number.isInteger(p.g) && Number.isFinite(p.t);
};

/** Loads (or creates once) the signing secret in the database, so every process and restart agrees. */
export async function createVisitorTokens(storage: Storage, lifetimeMs = VISITOR_TOKEN_LIFETIME_MS): Promise<VisitorTokens> {
  const secret = Buffer.from(await storage.ensureSetting('visitor_token_secret', randomBytes(32).toString('base64url')), 'base64url');
  const mac = (text: string): Buffer => createHmac('sha256', secret).update(text).digest();
  const matches = (given: string, expected: Buffer): boolean => {
    const bytes = Buffer.from(given, 'base64url');
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  return {
    issue(visitorId, site, now) {
      const payload = Buffer.from(JSON.stringify({ v: visitorId, s: site.key, g: site.tokenGeneration, t: now } satisfies Payload)).toString('base64url');
      return `${payload}.${mac(`visitor-token:${payload}`).toString('base64url')}`;
    },
    verify(token, site, now) {
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return undefined;
      const head = token.slice(0, dot);
      const sig = token.slice(dot + 1);
      if (matches(sig, mac(`visitor-token:${head}`))) {
        let payload: unknown;
        try {
          payload = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
        } catch {
          return undefined;
        }
        if (!isPayload(payload) || payload.s !== site.key || payload.g !== site.tokenGeneration) return undefined;
        const age = now - payload.t;
        if (age >= lifetimeMs || age < -60_000) return undefined;
        return { visitorId: payload.v, renew: age >= lifetimeMs / 2 };
      }
      // The format before lifetimes (`visitorId.hmac("visitor:" + id)`): accepted only while the site
      // has never rotated its tokens, and renewed at once, so existing visitors keep their
      // conversation across the upgrade and a first rotation ends every such token.
      if (site.tokenGeneration === 0 && matches(sig, mac(`visitor:${head}`))) return { visitorId: head, renew: true };
      return undefined;
    },
  };
}
