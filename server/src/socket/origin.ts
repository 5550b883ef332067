/**
 * Origin checks for visitor sockets. A site with an allow list accepts same-origin and listed
 * origins only, and fails closed (no Origin, no entry). A site without one accepts same-origin and
 * loopback origins only, so the zero-config demo works on the machine itself and nowhere else.
 */

/** How a site's origins are checked, as the banner and /healthz report it. */
export type OriginMode = 'loopback-only' | 'allow-list';

export function originMode(allowed: readonly string[]): OriginMode {
  return allowed.length > 0 ? 'allow-list' : 'loopback-only';
}

/** True when `origin` names the host the request was sent to. */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** http(s)://localhost, 127.0.0.0/8 or [::1], any port. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const host = url.hostname;
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

/** True when a request from `origin` (to `host`) may open a visitor session of a site with this allow list. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length > 0) {
    // Fail closed: a browser always sends Origin on cross-origin sockets, so a missing one is not a browser we can vouch for.
    if (!origin) return false;
    return allowed.includes(origin.replace(/\/+$/, '')) || isSameOrigin(origin, host);
  }
  // Loopback-only: a client without Origin is not a browser page (browsers send it on WebSocket and CORS requests).
  if (!origin) return true;
  return isSameOrigin(origin, host) || isLoopbackOrigin(origin);
}
