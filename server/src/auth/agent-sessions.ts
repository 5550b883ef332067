/** Agent sessions: opening one, resolving a cookie to its agent under the idle and absolute limits, socket tokens. */
import { randomBytes } from 'node:crypto';
import type { AgentRecord, SessionRecord, Storage } from '../storage/storage.ts';
import { SESSION_COOKIE, hashSessionToken, newSessionToken, readCookie, sameSecret, socketTokenFor } from '../security/session-token.ts';

/** How long a session lives: `idleMs` after its last use, `lifetimeMs` after sign-in at most. */
export interface SessionPolicy {
  idleMs: number;
  lifetimeMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * 60 * 60 * 1000, lifetimeMs: 7 * 24 * 60 * 60 * 1000 };

/** Activity is written at most this often, so a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** A live session and whose it is. */
export interface ResolvedSession {
  agent: AgentRecord;
  tokenHash: string;
}

/** A session just opened: the cookie value, and the socket token for the console's JavaScript. */
export interface OpenedSession {
  token: string;
  tokenHash: string;
  socketToken: string;
  /** Cookie lifetime (the absolute limit). */
  maxAgeMs: number;
}

export interface AgentSessions {
  readonly policy: SessionPolicy;
  open(agentId: string): Promise<OpenedSession>;
  /** The session behind a Cookie header, when it is still live; records the activity. */
  fromCookie(cookieHeader: string | undefined): Promise<ResolvedSession | undefined>;
  /** The session's agent when it is still live; `touch` records the activity. */
  check(tokenHash: string, options?: { touch?: boolean }): Promise<AgentRecord | undefined>;
  socketToken(tokenHash: string): string;
  /** Constant-time check of the token a socket presented. */
  socketTokenMatches(tokenHash: string, given: unknown): boolean;
}

/** True while a session is within both limits at `now`. */
export function sessionLive(session: SessionRecord, now: number, policy: SessionPolicy): boolean {
  return now < session.expiresAt && now < session.createdAt + policy.lifetimeMs && now < session.lastSeenAt + policy.idleMs;
}

/** The secret behind socket tokens lives in the database, so every process (and a restart) agrees on it. */
export async function startAgentSessions(storage: Storage, policy: SessionPolicy, now: () => number): Promise<AgentSessions> {
  const secret = await storage.ensureSetting('agent_socket_secret', randomBytes(32).toString('base64url'));
  const socketToken = (tokenHash: string) => socketTokenFor(secret, tokenHash);

  const check = async (tokenHash: string, { touch = false } = {}): Promise<AgentRecord | undefined> => {
    const found = await storage.getSession(tokenHash);
    const t = now();
    // A disabled agent's sessions are deleted when disabled; this refuses one that slipped in meanwhile.
    if (!found || !sessionLive(found.session, t, policy) || found.agent.disabledAt !== undefined) return undefined;
    if (touch && t - found.session.lastSeenAt >= TOUCH_EVERY_MS) await storage.touchSession(tokenHash, t);
    return found.agent;
  };

  return {
    policy,
    async open(agentId) {
      const token = newSessionToken();
      const tokenHash = hashSessionToken(token);
      const t = now();
      await storage.createSession({ tokenHash, agentId, expiresAt: t + policy.lifetimeMs, now: t });
      return { token, tokenHash, socketToken: socketToken(tokenHash), maxAgeMs: policy.lifetimeMs };
    },
    async fromCookie(cookieHeader) {
      const token = readCookie(cookieHeader, SESSION_COOKIE);
      if (!token || token.length > 200) return undefined;
      const tokenHash = hashSessionToken(token);
      const agent = await check(tokenHash, { touch: true });
      return agent && { agent, tokenHash };
    },
    check,
    socketToken,
    socketTokenMatches: (tokenHash, given) => typeof given === 'string' && given.length <= 200 && sameSecret(given, socketToken(tokenHash)),
  };
}
