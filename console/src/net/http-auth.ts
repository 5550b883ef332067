/** Same-origin HTTP calls for the agent session: sign in, who am I, the socket token, sign out (the cookie is httpOnly, so nothing is kept here). */
import type { AgentProfile, ErrorCode } from '@kefu/shared';

/** Outcome of an auth call: the agent, or why not (`network` = the server could not be reached). */
export type AuthResult =
  | { ok: true; agent: AgentProfile }
  | { ok: false; reason: ErrorCode | 'network' };

async function readAgent(res: Response): Promise<AuthResult> {
  if (res.ok) {
    const body = (await res.json()) as { agent: AgentProfile };
    return { ok: true, agent: body.agent };
  }
  let code: ErrorCode = res.status === 401 ? 'unauthorized' : res.status === 429 ? 'rate_limited' : 'internal';
  try {
    const body = (await res.json()) as { code?: ErrorCode };
    if (typeof body.code === 'string') code = body.code;
  } catch {
    /* not JSON (a proxy page): the status already told us enough */
  }
  return { ok: false, reason: code };
}

async function call(path: string, init: RequestInit): Promise<AuthResult> {
  try {
    return await readAgent(await fetch(path, { credentials: 'same-origin', ...init }));
  } catch {
    return { ok: false, reason: 'network' };
  }
}

/** `POST /api/auth/login`; the server sets the session cookie. */
export function login(email: string, password: string): Promise<AuthResult> {
  return call('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** `GET /api/auth/me`: the signed-in agent, or `unauthorized`. */
export function me(): Promise<AuthResult> {
  return call('/api/auth/me', { method: 'GET', headers: { accept: 'application/json' } });
}

/**
 * The token the `/agent` socket must show besides the cookie. Only same-origin JavaScript can read
 * it, so a page on a sibling site cannot open the console's socket with the agent's cookie. Fetched
 * for every connection attempt: '' when signed out or unreachable (the server then refuses the socket).
 */
export async function socketToken(): Promise<string> {
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) return '';
    const body = (await res.json()) as { socketToken?: unknown };
    return typeof body.socketToken === 'string' ? body.socketToken : '';
  } catch {
    return '';
  }
}

/** `POST /api/auth/logout`; failures are ignored because the console forgets the agent either way. */
export async function logout(): Promise<void> {
  try {
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
  } catch {
    /* offline: the cookie expires on its own */
  }
}
