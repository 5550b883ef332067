/** The session cookie a sign-in sets: httpOnly, Lax, for the absolute lifetime of the session. */
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../security/session-token.ts';
import type { OpenedSession } from './agent-sessions.ts';

export function setSessionCookie(req: Request, res: Response, session: OpenedSession): void {
  res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: session.maxAgeMs, secure: req.secure });
}
