/**
 * The client's IP address behind trusted proxies, with Express's `trust proxy` semantics
 * (proxy-addr), so HTTP routes and sockets agree on who a client is.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** `TRUST_PROXY`: true (every hop), false (none), a hop count, or addresses / subnets / `loopback` etc., comma-separated. */
export type TrustProxySetting = boolean | number | string;

/** Whether the hop at `addr` (the i-th from the socket) may tell us the address before it. */
export type TrustFn = (addr: string, i: number) => boolean;

/** The same rules Express applies to `app.set('trust proxy', value)`. */
export function compileTrust(setting: TrustProxySetting): TrustFn {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_addr, i) => i < setting;
  return proxyaddr.compile(
    setting
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Reads `TRUST_PROXY`; throws a readable message on a value proxy-addr cannot compile. */
export function parseTrustProxy(text: string): TrustProxySetting {
  const value = text.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  try {
    compileTrust(value);
  } catch (err) {
    throw new Error(`TRUST_PROXY must be true, false, a hop count or addresses/subnets (e.g. loopback, 10.0.0.0/8): ${err instanceof Error ? err.message : String(err)}`);
  }
  return value;
}

/** The address a request came from: the socket's peer, or the nearest untrusted address in X-Forwarded-For. */
export function clientIp(req: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}
