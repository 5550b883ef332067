/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password (PROTOCOL.md, "HTTP"). */
import { Router, type Request, type Response } from 'express';
import { LIMITS, LoginSchema, record, v } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { agentProfile } from '../auth/agent-profile.ts';
import type { OpenedSession } from '../auth/agent-sessions.ts';
import { endAgentSessions, endSession } from '../auth/end-sessions.ts';
import { requireAgent, signedInAgent } from '../auth/require-agent.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../security/password.ts';
import type { LoginAttempt } from '../security/login-limits.ts';
import { SESSION_COOKIE, hashSessionToken, readCookie } from '../security/session-token.ts';

export const MIN_PASSWORD_CHARS = 8;

const password = (min: number) => v.pipe(v.string(), v.check((s) => !/[\u0000-\u001F\u007F]/.test(s), 'control characters are not allowed'), v.minLength(min), v.maxLength(LIMITS.passwordChars));
const ChangePasswordSchema = record({ currentPassword: password(1), newPassword: password(MIN_PASSWORD_CHARS) });

function setSessionCookie(req: Request, res: Response, session: OpenedSession): void {
  res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: session.maxAgeMs, secure: req.secure });
}

/** A password check under the sign-in limits; a used-up limit answers 429 with Retry-After. */
async function beginAttempt(ctx: KefuContext, req: Request, res: Response, email: string, refusal: string): Promise<LoginAttempt> {
  const attempt = await ctx.limits.login.begin(req.ip ?? 'unknown', email);
  if (!('retryAfterMs' in attempt)) return attempt;
  res.setHeader('Retry-After', String(Math.ceil(attempt.retryAfterMs / 1000)));
  throw new KefuError('rate_limited', refusal);
}

export function authRoutes(ctx: KefuContext): Router {
  const router = Router();
  // Session answers must never be cached by a proxy or the browser.
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post('/login', async (req, res) => {
    const parsed = v.safeParse(LoginSchema, req.body);
    if (!parsed.success) throw new KefuError('bad_request', 'email and password are required');
    const { email, password } = parsed.output;
    const attempt = await beginAttempt(ctx, req, res, email, 'too many failed sign-in attempts; try again later');
    const agent = await ctx.storage.getAgentByEmail(email);
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await dummyPasswordHash()));
    if (!agent || !ok) {
      await attempt.failed();
      throw new KefuError('unauthorized', 'wrong email or password');
    }
    await attempt.succeeded();
    if (agent.disabledAt !== undefined) throw new KefuError('forbidden', 'this account is disabled; ask an admin');
    const session = await ctx.sessions.open(agent.id);
    setSessionCookie(req, res, session);
    ctx.log.info(`agent ${agent.email} signed in`);
    res.json({ agent: agentProfile(agent), socketToken: session.socketToken });
  });

  router.post('/logout', async (req, res) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token && token.length <= 200) await endSession(ctx, hashSessionToken(token));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure });
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    const session = await ctx.sessions.fromCookie(req.headers.cookie);
    if (!session) throw new KefuError('unauthorized', 'not signed in');
    res.json({ agent: agentProfile(session.agent), socketToken: ctx.sessions.socketToken(session.tokenHash) });
  });

  router.post('/password', requireAgent(ctx), async (req, res) => {
    const parsed = v.safeParse(ChangePasswordSchema, req.body);
    if (!parsed.success) {
      throw new KefuError('bad_request', `currentPassword and newPassword (at least ${MIN_PASSWORD_CHARS} characters) are required`);
    }
    const { currentPassword, newPassword } = parsed.output;
    const agent = signedInAgent(res);
    // A stolen cookie must not become a way to guess the password: the sign-in limits apply here too.
    const attempt = await beginAttempt(ctx, req, res, agent.email, 'too many failed attempts; try again later');
    if (!(await verifyPassword(currentPassword, agent.passwordHash))) {
      await attempt.failed();
      throw new KefuError('forbidden', 'the current password is wrong');
    }
    await attempt.succeeded();
    await ctx.storage.updateAgent(agent.id, { passwordHash: await hashPassword(newPassword) }, ctx.now());
    // Every session ends, this one too: the agent continues on a fresh cookie, whoever held the old ones is out.
    await endAgentSessions(ctx, agent.id);
    const session = await ctx.sessions.open(agent.id);
    setSessionCookie(req, res, session);
    ctx.log.info(`agent ${agent.email} changed their password; other sessions ended`);
    res.json({ agent: agentProfile(agent), socketToken: session.socketToken });
  });

  return router;
}
