/** Starts real servers on random ports over temporary data folders, and typed Socket.IO clients for them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AgentClientEvents,
  AgentServerEvents,
  VisitorClientEvents,
  VisitorServerEvents,
} from '@kefu/shared';
import { createKefuServer, type KefuServer } from '../../src/index.ts';
import type { KefuConfig } from '../../src/config.ts';
import type { LimitSettings } from '../../src/security/rate-limiter.ts';
import type { AckData } from '../../src/socket/handle.ts';

export const FIXTURE_KB = fileURLToPath(new URL('../fixtures/kb', import.meta.url));
export const ADMIN = { email: 'admin@kefu.test', password: 'correct horse battery' };

export type VisitorClient = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentClient = Socket<AgentServerEvents, AgentClientEvents>;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kefu-server-test-'));
}

/**
 * Every test client comes from 127.0.0.1, so the per-IP limits are raised here (per connection and
 * per visitor stay as shipped); tests of the per-IP limits pass `limits` themselves.
 */
export const TEST_LIMITS: Partial<LimitSettings> = { messagesPerIp: 100_000, visitorsPerIpPerMinute: 100_000, visitorsPerIpPerHour: 100_000 };

/** Humans on duty around the clock, so a handoff queues whatever the time of the test run (tests of hours pass their own). */
export const ALWAYS_OPEN = {
  default: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
};

/** A server with the fixture knowledge base, a known admin, humans on duty at all hours, and no log output. */
export function startServer(config: Partial<KefuConfig> = {}): Promise<KefuServer> {
  return createKefuServer({
    port: 0,
    dataDir: tempDir(),
    kbDir: FIXTURE_KB,
    logLevel: 'silent',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    limits: TEST_LIMITS,
    serviceHours: ALWAYS_OPEN,
    ...config,
  });
}

const clients: Socket[] = [];

/** Disconnects every client opened by the helpers (call in afterEach/afterAll). */
export function closeClients(): void {
  for (const c of clients.splice(0)) c.disconnect();
}

export function connectVisitor(url: string, extraHeaders: Record<string, string> = {}): VisitorClient {
  const socket: VisitorClient = io(`${url}/visitor`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders });
  clients.push(socket);
  return socket;
}

/** How `connectAgent` connects: the socket token to present (`null` = none; default: fetched for the cookie), extra headers, transports. */
export interface AgentConnectOptions {
  token?: string | null;
  headers?: Record<string, string>;
  transports?: ('websocket' | 'polling')[];
}

/** The socket token the console would read from `GET /api/auth/me` for this cookie ('' when signed out). */
export async function socketTokenFor(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
  if (res.status !== 200) return '';
  return ((await res.json()) as { socketToken?: string }).socketToken ?? '';
}

export function connectAgent(url: string, cookie?: string, options: AgentConnectOptions = {}): AgentClient {
  const { token, headers = {}, transports = ['websocket'] } = options;
  // Like the console: the token is fetched for each connection attempt and sent in the CONNECT packet.
  const auth =
    token !== undefined
      ? token === null ? {} : { token }
      : (cb: (data: object) => void) => {
          if (!cookie) return cb({});
          socketTokenFor(url, cookie).then((t) => cb({ token: t }), () => cb({}));
        };
  const socket: AgentClient = io(`${url}/agent`, {
    transports,
    forceNew: true,
    reconnection: false,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
    auth,
  });
  clients.push(socket);
  return socket;
}

/** Emits with an ack and resolves with it (rejects after 5 s). */
export function call<Events, E extends keyof Events & string>(
  socket: { emit(event: string, ...args: unknown[]): unknown },
  event: E,
  payload: unknown,
): Promise<Ack<AckData<Events[E]>>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    socket.emit(event, payload, (res: Ack<AckData<Events[E]>>) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

export const visitorCall = <E extends keyof VisitorClientEvents & string>(s: VisitorClient, event: E, payload: unknown) =>
  call<VisitorClientEvents, E>(s as unknown as { emit(event: string, ...args: unknown[]): unknown }, event, payload);
export const agentCall = <E extends keyof AgentClientEvents & string>(s: AgentClient, event: E, payload: unknown) =>
  call<AgentClientEvents, E>(s as unknown as { emit(event: string, ...args: unknown[]): unknown }, event, payload);

/** The data of a successful ack; throws with the error otherwise. */
export function ok<T>(res: Ack<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`);
  return res.data;
}

/** Collects every payload of `event` so tests can wait for one matching a predicate. */
export function recorder<T>(socket: { on(event: string, fn: (p: T) => void): unknown }, event: string) {
  const seen: T[] = [];
  const waiters: { pred: (p: T) => boolean; resolve: (p: T) => void }[] = [];
  socket.on(event, (p: T) => {
    seen.push(p);
    for (const w of [...waiters]) if (w.pred(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  return {
    seen,
    /** The first payload (already seen or future) matching `pred`. */
    next(pred: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
      const found = seen.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
        waiters.push({ pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
  };
}

/** Signs in over HTTP and returns the Cookie header value. */
export async function login(url: string, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
}

/** Invites `email` as `role` with the admin's cookie and accepts the invite: the new member's session cookie and id. */
export async function joinTeam(url: string, adminCookie: string, email: string, role: string, name = email.split('@')[0]!): Promise<{ cookie: string; id: string }> {
  const invite = await fetch(`${url}/api/team/invites`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  const token = ((await invite.json()) as { invite: { path: string } }).invite.path.split('/').pop();
  const accepted = await fetch(`${url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'long password 1' }),
  });
  if (accepted.status !== 201) throw new Error(`accepting the invite failed: ${accepted.status}`);
  return { cookie: accepted.headers.get('set-cookie')!.split(';')[0]!, id: ((await accepted.json()) as { agent: { id: string } }).agent.id };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Signs the admin's console in (and says hello), so someone is present to take a handoff: with nobody
 * present the visitor is offered to leave a message instead of a place in the queue.
 */
export async function agentOnDuty(url: string): Promise<AgentClient> {
  const socket = connectAgent(url, await login(url));
  ok(await agentCall(socket, 'hello', {}));
  return socket;
}
