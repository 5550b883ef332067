/** Express guards for agent-only HTTP routes: a live session of an enabled agent, and a role when one is required. */
import { roleAtLeast, type AgentRole } from '@kefu/shared';
import type { Request, RequestHandler, Response } from 'express';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { AgentRecord } from '../storage/storage.ts';

/** The agent a `requireAgent` guard let through. */
export function signedInAgent(res: Response): AgentRecord {
  const agent = res.locals.agent as AgentRecord | undefined;
  if (!agent) throw new KefuError('unauthorized', 'sign in first');
  return agent;
}

export function requireAgent(ctx: KefuContext, roles?: readonly AgentRole[]): RequestHandler {
  return async (req: Request, res: Response, next) => {
    const session = await ctx.sessions.fromCookie(req.headers.cookie);
    if (!session) throw new KefuError('unauthorized', 'sign in first');
    if (roles && !roles.includes(session.agent.role)) throw new KefuError('forbidden', 'your role may not do this');
    res.locals.agent = session.agent;
    next();
  };
}

/** A live session whose agent's role grants at least `minimum` (agent < supervisor < admin); 401 without a session, 403 below it. */
export function requireRole(ctx: KefuContext, minimum: AgentRole): RequestHandler {
  return async (req: Request, res: Response, next) => {
    const session = await ctx.sessions.fromCookie(req.headers.cookie);
    if (!session) throw new KefuError('unauthorized', 'sign in first');
    if (!roleAtLeast(session.agent.role, minimum)) throw new KefuError('forbidden', `this needs the ${minimum} role`);
    res.locals.agent = session.agent;
    res.locals.sessionTokenHash = session.tokenHash;
    next();
  };
}
