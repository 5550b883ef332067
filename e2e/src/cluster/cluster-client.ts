/**
 * Socket.IO clients for the harness's tests, as the widget and the console connect: a visitor (token kept for
 * reconnects) and a signed-in agent, on WebSocket or long-polling. socket.io-client is the server package's own
 * dependency; it is loaded from there rather than added to this package a second time.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ack, Message } from '@kefu/shared';
import { REPO_ROOT } from '../repo-root.ts';
import { ADMIN } from '../start-server.ts';

/** The part of a socket.io-client Socket the tests use. */
export interface ClientSocket {
  connected: boolean;
  emit(event: string, ...args: unknown[]): unknown;
  on(event: string, fn: (...args: never[]) => void): unknown;
  once(event: string, fn: (...args: never[]) => void): unknown;
  off(event: string, fn: (...args: never[]) => void): unknown;
  disconnect(): unknown;
  io: { engine?: { transport?: { name?: string } } };
}

type Io = (url: string, options: Record<string, unknown>) => ClientSocket;
const { io } = createRequire(join(REPO_ROOT, 'server/package.json'))('socket.io-client') as { io: Io };

export type Transport = 'websocket' | 'polling';

const opened = new Set<ClientSocket>();

/** Disconnects every client the tests opened. */
export function closeAll(): void {
  for (const s of opened) s.disconnect();
  opened.clear();
}

/** Disconnects one client. */
export function closeSocket(socket: ClientSocket): void {
  socket.disconnect();
  opened.delete(socket);
}

/** Opens a socket and resolves once it is connected (rejects with the connect_error). */
export function openSocket(url: string, options: Record<string, unknown>): Promise<ClientSocket> {
  const socket = io(url, { forceNew: true, reconnection: false, timeout: 5_000, ...options });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection to ${url}`)), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    });
  });
}

/**
 * Emits with an acknowledgement; rejects after `timeoutMs` without one, or as soon as the connection drops (an ack
 * can no longer come then, and waiting out the timeout would only add to the measured reconnect time).
 */
export function call<T>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 8_000): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const dropped = (): void => {
      clearTimeout(timer);
      reject(new Error(`connection lost before the ack for ${event}`));
    };
    const timer = setTimeout(() => {
      socket.off('disconnect', dropped);
      reject(new Error(`no ack for ${event}`));
    }, timeoutMs);
    socket.once('disconnect', dropped);
    socket.emit(event, payload, (res: Ack<T>) => {
      clearTimeout(timer);
      socket.off('disconnect', dropped);
      resolve(res);
    });
  });
}

export function ok<T>(res: Ack<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`);
  return res.data;
}

/** Every `message` event a socket received, de-duplicated by id like the clients do, and a way to wait for one. */
export class Inbox {
  readonly byId = new Map<string, Message>();
  /** How often each id arrived (the same message pushed twice is a bug a user would see as a double line). */
  readonly arrivals = new Map<string, number>();
  private waiters: { pred: (m: Message) => boolean; resolve: () => void }[] = [];

  listen(socket: ClientSocket): void {
    socket.on('message', ((m: Message) => this.add([m], true)) as (...args: never[]) => void);
  }

  /** Adds messages from an ack (hello, open, sync): replays are expected to overlap what was pushed. */
  add(messages: Message[], pushed = false): void {
    for (const m of messages) {
      if (pushed) this.arrivals.set(m.id, (this.arrivals.get(m.id) ?? 0) + 1);
      this.byId.set(m.id, m);
      for (const w of [...this.waiters]) if (w.pred(m)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Messages of one conversation in seq order. */
  transcript(conversationId: string): Message[] {
    return [...this.byId.values()].filter((m) => m.conversationId === conversationId).sort((a, b) => a.seq - b.seq);
  }

  has(pred: (m: Message) => boolean): boolean {
    return [...this.byId.values()].some(pred);
  }

  waitFor(pred: (m: Message) => boolean, timeoutMs = 10_000): Promise<void> {
    if (this.has(pred)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a message')), timeoutMs);
      this.waiters.push({ pred, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

/** Signs the test admin in over HTTP: the cookie and the socket token the console would present. */
export async function signIn(url: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
  const token = ((await me.json()) as { socketToken?: string }).socketToken ?? '';
  return { cookie, token };
}

export function connectVisitor(url: string, transport: Transport): Promise<ClientSocket> {
  return openSocket(`${url}/visitor`, { transports: [transport] });
}

export function connectAgent(url: string, session: { cookie: string; token: string }, transport: Transport): Promise<ClientSocket> {
  return openSocket(`${url}/agent`, { transports: [transport], extraHeaders: { cookie: session.cookie }, auth: { token: session.token } });
}
