/** Visitor tokens: `visitorId.signature` with HMAC-SHA256, so a token opens only its own visitor. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

export interface VisitorTokens {
  issue(visitorId: string): string;
  /** The visitor id of a genuine token, else undefined. */
  verify(token: string): string | undefined;
}

/** Loads (or creates once) the signing secret in the database, so every process and restart agrees. */
export async function createVisitorTokens(storage: Storage): Promise<VisitorTokens> {
  const secret = Buffer.from(await storage.ensureSetting('visitor_token_secret', randomBytes(32).toString('base64url')), 'base64url');
  const sign = (id: string): Buffer => createHmac('sha256', secret).update(`visitor:${id}`).digest();
  return {
    issue: (visitorId) => `${visitorId}.${sign(visitorId).toString('base64url')}`,
    verify(token) {
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return undefined;
      const id = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = sign(id);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
    },
  };
}
