/**
 * Short-lived signed links to one file, for the visitor's browser, which cannot put its token in a
 * header on an <img> or a download link. A link names the file and its conversation and expires;
 * its signature (HMAC-SHA256 with a secret kept in the database, so every node agrees) covers all
 * three, so a link to one file, or one conversation's file, never opens another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

/** How long a link opens its file. */
export const FILE_LINK_LIFETIME_MS = 60 * 60 * 1000;

export interface FileLinks {
  /** The query string (`e=…&s=…`) that opens `fileId` until `expiresAt`. */
  issue(fileId: string, conversationId: string, now: number): { query: string; expiresAt: number };
  /** True when `e` and `s` are a genuine, unexpired link to this file of this conversation. */
  verify(fileId: string, conversationId: string, e: unknown, s: unknown, now: number): boolean;
}

export async function createFileLinks(storage: Storage, lifetimeMs = FILE_LINK_LIFETIME_MS): Promise<FileLinks> {
  const secret = Buffer.from(await storage.ensureSetting('file_link_secret', randomBytes(32).toString('base64url')), 'base64url');
  const sign = (fileId: string, conversationId: string, expiresAt: number) =>
    createHmac('sha256', secret).update(`file-link:${conversationId}:${fileId}:${expiresAt}`).digest();
  return {
    issue(fileId, conversationId, now) {
      const expiresAt = now + lifetimeMs;
      return { query: `e=${expiresAt}&s=${sign(fileId, conversationId, expiresAt).toString('base64url')}`, expiresAt };
    },
    verify(fileId, conversationId, e, s, now) {
      if (typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,15}$/.test(e)) return false;
      const expiresAt = Number(e);
      if (expiresAt <= now) return false;
      const given = Buffer.from(s, 'base64url');
      const expected = sign(fileId, conversationId, expiresAt);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
