/** Resolves the agent behind a Cookie header (HTTP requests and socket handshakes alike). */
import type { Storage, AgentRecord } from '../storage/storage.ts';
import { SESSION_COOKIE, hashSessionToken, readCookie } from '../security/session-token.ts';

export async function sessionAgent(storage: Storage, cookieHeader: string | undefined, now: number): Promise<AgentRecord | undefined> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token || token.length > 200) return undefined;
  return storage.getSessionAgent(hashSessionToken(token), now);
}
