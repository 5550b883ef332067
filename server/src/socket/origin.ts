/** Origin checks for sockets: same origin always, else the allow-list (empty = any). Non-browser clients send no Origin. */

/** True when `origin` names the host the request was sent to. */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** True when a request from `origin` (to `host`) may proceed. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (!origin || !allowed || allowed.length === 0) return true;
  return allowed.includes(origin.replace(/\/+$/, '')) || isSameOrigin(origin, host);
}
