/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me (PROTOCOL.md, "HTTP"). */
import { Router, type Request, type Response } from 'express';
import { LoginSchema, v } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { agentProfile } from '../auth/agent-profile.ts';
import { sessionAgent } from '../auth/session-agent.ts';
import { dummyPasswordHash, verifyPassword } from '../security/password.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, hashSessionToken, newSessionToken, readCookie } from '../security/session-token.ts';

function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: maxAgeMs, secure: req.secure });
}

export function authRoutes(ctx: KefuContext): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    // Only failed attempts count, so a busy office behind one address can still sign in.
    const address = req.ip ?? 'unknown';
    if (ctx.limits.login.exhausted(address)) throw new KefuError('rate_limited', 'too many failed sign-in attempts; try again in a minute');
    const parsed = v.safeParse(LoginSchema, req.body);
    if (!parsed.success) throw new KefuError('bad_request', 'email and password are required');
    const { email, password } = parsed.output;
    const agent = await ctx.storage.getAgentByEmail(email);
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await dummyPasswordHash()));
    if (!agent || !ok) {
      ctx.limits.login.take(address);
      throw new KefuError('unauthorized', 'wrong email or password');
    }
    const token = newSessionToken();
    const now = ctx.now();
    await ctx.storage.createSession({ tokenHash: hashSessionToken(token), agentId: agent.id, expiresAt: now + SESSION_TTL_MS, now });
    setSessionCookie(req, res, token, SESSION_TTL_MS);
    ctx.log.info(`agent ${agent.email} signed in`);
    res.json({ agent: agentProfile(agent) });
  });

  router.post('/logout', async (req, res) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await ctx.storage.deleteSession(hashSessionToken(token));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    const agent = await sessionAgent(ctx.storage, req.headers.cookie, ctx.now());
    if (!agent) throw new KefuError('unauthorized', 'not signed in');
    res.json({ agent: agentProfile(agent) });
  });

  return router;
}
