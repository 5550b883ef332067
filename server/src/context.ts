/** What the handlers share: configuration, storage, the knowledge base, the two namespaces. Built once per server. */
import type { Namespace } from 'socket.io';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '@kefu/shared';
import type { KefuConfig } from './config.ts';
import type { KbHolder } from './kb/kb-holder.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { VisitorLimiters } from './security/rate-limiter.ts';
import type { TrustFn } from './security/client-ip.ts';
import type { VisitorTokens } from './security/visitor-token.ts';
import type { LoginLimits } from './security/login-limits.ts';
import type { AgentSessions } from './auth/agent-sessions.ts';
import type { KeyedSerial } from './conversation/keyed-serial.ts';
import type { AgentRecord, Storage } from './storage/storage.ts';
import type { JobRunner } from './jobs/job-runner.ts';

/** Set on a visitor socket by `hello`. */
export interface VisitorSocketData {
  visitorId?: string;
  siteKey?: string;
  /** The client's address behind trusted proxies, read once at the handshake (rate limits are per IP). */
  ip?: string;
}

/** Set on an agent socket by the handshake middleware. */
export interface AgentSocketData {
  agent: AgentRecord;
  /** The session the socket was opened with; it is checked again on every event and by the sweep. */
  sessionTokenHash: string;
  /** When the session was last found live (the per-event check trusts it for a second). */
  sessionCheckedAt: number;
}

export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;

export interface KefuContext {
  config: KefuConfig;
  log: Logger;
  storage: Storage;
  tokens: VisitorTokens;
  kb: KbHolder;
  metrics: Metrics;
  limits: { visitor: VisitorLimiters; login: LoginLimits };
  /** Which proxies may name the client's address (TRUST_PROXY), for HTTP and sockets alike. */
  trust: TrustFn;
  /** Bot turns of one conversation run one after another. */
  serial: KeyedSerial;
  visitors: VisitorNamespace;
  agents: AgentNamespace;
  sessions: AgentSessions;
  /** Durable timers (jobs table rows); features register a handler per job kind. */
  jobs: JobRunner;
  now(): number;
}

/** Socket.IO rooms: every tab of a visitor, every agent, one agent's sockets, watchers of a conversation. */
export const rooms = {
  visitor: (id: string) => `visitor:${id}`,
  agents: 'agents',
  agent: (id: string) => `agent:${id}`,
  /** One agent session's sockets (its tabs), so a sign-out reaches them on any process. */
  session: (tokenHash: string) => `session:${tokenHash}`,
  conversation: (id: string) => `conversation:${id}`,
};
