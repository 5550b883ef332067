/**
 * Engine-level guard for every Socket.IO handshake (Socket.IO's `allowRequest`), before any
 * namespace sees it: refuses JSONP polling, caps open connections and handshakes per client IP.
 */
import type { IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import type { Logger } from '../logger.ts';
import { clientIp, type TrustFn } from '../security/client-ip.ts';
import type { KeyedLimiter } from '../security/rate-limiter.ts';

/** Socket.IO's `allowRequest` option. */
export type AllowRequest = (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;

export interface EngineGuardOptions {
  trust: TrustFn;
  /** Open connections from one IP at a time. */
  connectionsPerIp: number;
  /** Handshakes per minute from one IP. */
  handshakes: KeyedLimiter;
  log: Logger;
}

export interface EngineGuard {
  allowRequest: AllowRequest;
  /** Starts counting the engine's connections; call once the server exists. */
  attach(io: Server): void;
  /** Open connections (and handshakes under way) from `ip`. */
  openFrom(ip: string): number;
}

/** How long a let-through handshake holds its slot while it has not become a connection. */
const PENDING_MS = 10_000;

/** Marks a request let through, so its connection (or its failure) releases the slot it reserved. */
const slot = Symbol('kefu.connectionSlot');
type Marked = IncomingMessage & { [slot]?: { ip: string; settled: boolean } };

export function createEngineGuard(options: EngineGuardOptions): EngineGuard {
  const open = new Map<string, number>();
  const add = (ip: string, n: number): void => {
    const next = (open.get(ip) ?? 0) + n;
    if (next <= 0) open.delete(ip);
    else open.set(ip, next);
  };
  /** Releases a reservation that never became a connection (engine refusal, broken upgrade). */
  const settle = (req: Marked, connected: boolean): void => {
    const mark = req[slot];
    if (!mark || mark.settled) return;
    mark.settled = true;
    if (!connected) add(mark.ip, -1);
  };

  const allowRequest: AllowRequest = (req, callback) => {
    // A `j` parameter asks for JSONP: a <script> tag from any page could then drive a namespace with the visitor's or agent's cookies.
    if (new URL(req.url ?? '/', 'http://x').searchParams.has('j')) return callback('JSONP polling is not supported', false);
    const ip = clientIp(req, options.trust);
    if ((open.get(ip) ?? 0) >= options.connectionsPerIp) {
      options.log.warn(`socket handshake from ${ip} refused: ${options.connectionsPerIp} connections already open`);
      return callback(`too many open connections from your address (limit ${options.connectionsPerIp})`, false);
    }
    // Reserved before the rate check resolves, so a burst of parallel handshakes cannot all slip under the cap.
    add(ip, 1);
    const marked = req as Marked;
    marked[slot] = { ip, settled: false };
    options.handshakes.consume(ip).then(
      (verdict) => {
        if (verdict.allowed) {
          setTimeout(() => settle(marked, false), PENDING_MS).unref();
          return callback(null, true);
        }
        settle(marked, false);
        options.log.warn(`socket handshake from ${ip} refused: handshake rate`);
        callback(`too many connection attempts from your address; retry in ${Math.ceil(verdict.retryAfterMs / 1000)} s`, false);
      },
      (err: unknown) => {
        settle(marked, false);
        options.log.error('handshake limiter failed', err);
        callback('connection limiter unavailable', false);
      },
    );
  };

  return {
    allowRequest,
    attach(io) {
      io.engine.on('connection', (socket: { request: Marked; once(event: 'close', fn: () => void): void }) => {
        const mark = socket.request[slot];
        if (!mark) return;
        if (mark.settled) add(mark.ip, 1); // came after its reservation timed out: count it again
        mark.settled = true;
        socket.once('close', () => add(mark.ip, -1));
      });
      io.engine.on('connection_error', (err: { req?: Marked }) => {
        if (err.req) settle(err.req, false);
      });
    },
    openFrom: (ip) => open.get(ip) ?? 0,
  };
}
