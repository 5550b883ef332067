/**
 * Who may hold an `/agent` socket, checked at the handshake and for as long as the socket lives.
 *
 * The handshake needs the session cookie AND the socket token that only same-origin JavaScript can
 * read (`/api/auth/login`, `/api/auth/me`), sent in the CONNECT packet's `auth`. A same-site page
 * (a sibling subdomain, another port) gets the Lax cookie attached to a `<script>` JSONP request or
 * a form post, but can never read the token; a browser request that says it comes from elsewhere
 * (`Origin`, `Sec-Fetch-Site`) is refused before the session is even looked up.
 */
import type { AgentNamespace, KefuContext } from '../context.ts';
import { isSameOrigin } from './origin.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];
type Middleware = Parameters<AgentNamespace['use']>[0];

/** A live socket's session is trusted this long after it was last found live. */
const RECHECK_MS = 1000;
/** How often every socket of this process has its session looked up again (revocations by other processes). */
export const SWEEP_MS = 2000;

function handshakeError(code: 'unauthorized' | 'forbidden', message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

/** The namespace middleware: same origin, a live session, and its socket token. */
export function agentHandshake(ctx: KefuContext): Middleware {
  return (socket, next) => {
    const { origin, host, cookie } = socket.handshake.headers;
    const fetchSite = socket.handshake.headers['sec-fetch-site'];
    if (origin !== undefined && !isSameOrigin(origin, host)) return next(handshakeError('forbidden', 'origin not allowed'));
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return next(handshakeError('forbidden', 'only the console of this origin may connect'));
    const auth: unknown = socket.handshake.auth;
    const given = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    ctx.sessions.fromCookie(cookie).then(
      (session) => {
        if (!session) return next(handshakeError('unauthorized', 'sign in first'));
        if (!ctx.sessions.socketTokenMatches(session.tokenHash, given)) return next(handshakeError('unauthorized', 'socket token missing or wrong'));
        socket.data.agent = session.agent;
        socket.data.sessionTokenHash = session.tokenHash;
        socket.data.sessionCheckedAt = ctx.now();
        next();
      },
      (err: unknown) => {
        ctx.log.error('agent handshake failed', err);
        next(handshakeError('unauthorized', 'sign in first'));
      },
    );
  };
}

/** Every inbound event re-validates the session (at most once a second); an ended session ends the socket. */
export function guardAgentSocket(ctx: KefuContext, socket: AgentSocket): void {
  socket.use((packet: unknown[], next: (err?: Error) => void) => {
    if (ctx.now() - socket.data.sessionCheckedAt < RECHECK_MS) return next();
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as (res: unknown) => void) : undefined;
    ctx.sessions.check(socket.data.sessionTokenHash, { touch: true }).then(
      (agent) => {
        if (!agent) {
          ack?.({ ok: false, error: { code: 'unauthorized', message: 'your session has ended; sign in again' } });
          socket.disconnect(true);
          return;
        }
        socket.data.agent = agent;
        socket.data.sessionCheckedAt = ctx.now();
        next();
      },
      (err: unknown) => {
        ctx.log.warn('agent session check failed', err);
        ack?.({ ok: false, error: { code: 'unavailable', message: 'try again shortly' } });
      },
    );
  });
}

/** Disconnects this process's sockets whose session expired or vanished; returns the stop function. */
export function startSessionSweep(ctx: KefuContext): { close(): void } {
  let running = false;
  const sweep = async () => {
    const bySession = new Map<string, AgentSocket[]>();
    for (const socket of ctx.agents.sockets.values()) {
      const hash = socket.data.sessionTokenHash;
      if (hash) bySession.set(hash, [...(bySession.get(hash) ?? []), socket]);
    }
    for (const [hash, sockets] of bySession) {
      if (await ctx.sessions.check(hash)) continue;
      for (const socket of sockets) socket.disconnect(true);
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err: unknown) => ctx.log.warn('agent session sweep failed', err))
      .finally(() => (running = false));
  }, SWEEP_MS);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
