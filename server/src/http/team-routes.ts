/**
 * Team routes under /api/team: admins invite agents (a one-use link valid 7 days), list and change
 * them (role, display name, capacity, disabled); an invitee accepts with a password and a display
 * name and is signed in; every agent reads their own record and sets their presence. Each change of an
 * agent's row is pushed to the team pages open elsewhere (`teamAgent`).
 */
import { Router } from 'express';
import {
  AgentPatchSchema,
  INVITE_TTL_MS,
  InviteAcceptSchema,
  InviteCreateSchema,
  PresenceSchema,
  roleAtLeast,
  v,
  type InviteCreated,
  type InviteInfo,
} from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { agentProfile } from '../auth/agent-profile.ts';
import { endAgentSessions } from '../auth/end-sessions.ts';
import { requireRole, signedInAgent } from '../auth/require-agent.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { hashPassword } from '../security/password.ts';
import { hashSessionToken, newSessionToken } from '../security/session-token.ts';
import { choosePresence } from '../socket/agent-presence.ts';
import { pushTeamAgents } from '../socket/push-team-agent.ts';
import type { AgentPatch, AgentRecord, InviteRecord, InviteRefusal } from '../storage/storage.ts';
import { parseBody } from './parse-body.ts';
import { teamAgentViews } from './team-views.ts';

const TokenSchema = v.pipe(v.string(), v.regex(/^[\w-]{20,100}$/, 'malformed invite token'));

const REFUSALS: Record<InviteRefusal, KefuError> = {
  unknown: new KefuError('not_found', 'this invite link is not valid'),
  used: new KefuError('conflict', 'this invite link was already used'),
  expired: new KefuError('invalid_state', 'this invite link has expired; ask an admin for a new one'),
  email_taken: new KefuError('conflict', 'an agent with this email already exists'),
};

const inviteInfo = (i: InviteRecord): InviteInfo => ({ email: i.email, role: i.role, ...(i.department ? { department: i.department } : {}), expiresAt: i.expiresAt });

export function teamRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const teamView = async (ids?: string[]) => {
    const [loads, departments] = await Promise.all([ctx.storage.listAgentLoads(), ctx.storage.listDepartments()]);
    return teamAgentViews(ids ? loads.filter((l) => ids.includes(l.agent.id)) : loads, departments);
  };

  /** Whatever the outcome of an invite lookup, a malformed or unknown token reads the same. */
  const liveInvite = async (token: unknown): Promise<{ invite: InviteRecord; tokenHash: string }> => {
    const parsed = v.safeParse(TokenSchema, token);
    if (!parsed.success) throw REFUSALS.unknown;
    const tokenHash = hashSessionToken(parsed.output);
    const invite = await ctx.storage.getInvite(tokenHash);
    if (!invite) throw REFUSALS.unknown;
    if (invite.usedAt !== undefined) throw REFUSALS.used;
    if (invite.expiresAt <= ctx.now()) throw REFUSALS.expired;
    return { invite, tokenHash };
  };

  router.get('/me', requireRole(ctx, 'agent'), async (_req, res) => {
    const [me] = await teamView([signedInAgent(res).id]);
    res.json({ agent: me });
  });

  router.put('/me/presence', requireRole(ctx, 'agent'), async (req, res) => {
    const { presence } = parseBody(PresenceSchema, req.body);
    const updated = await choosePresence(ctx, signedInAgent(res), presence);
    res.json({ presence: updated.presence });
  });

  router.get('/agents', requireRole(ctx, 'supervisor'), async (_req, res) => {
    res.json({ agents: await teamView() });
  });

  router.patch('/agents/:id', requireRole(ctx, 'admin'), async (req, res) => {
    const body = parseBody(AgentPatchSchema, req.body);
    const me = signedInAgent(res);
    const target = await ctx.storage.getAgent(req.params.id as string);
    if (!target) throw new KefuError('not_found', 'no such agent');
    const losesAdmin = target.role === 'admin' && ((body.role !== undefined && body.role !== 'admin') || body.disabled === true);
    if (target.id === me.id && (losesAdmin || body.disabled === true)) throw new KefuError('conflict', 'you cannot disable yourself or give up your own admin role');
    if (losesAdmin && target.disabledAt === undefined && (await ctx.storage.countAgents('admin')) <= 1) throw new KefuError('conflict', 'the last admin must stay an enabled admin');
    const now = ctx.now();
    const patch: AgentPatch = { name: body.name, role: body.role, capacity: body.capacity };
    if (body.disabled === true && target.disabledAt === undefined) Object.assign(patch, { disabledAt: now, presence: 'offline' });
    if (body.disabled === false) patch.disabledAt = null;
    const updated = await ctx.storage.updateAgent(target.id, patch, now);
    // Losing access ends every session and socket at once (the socket sweep would catch it within seconds too).
    if (endsAccess(target, updated)) await endAgentSessions(ctx, target.id);
    ctx.log.info(`agent ${target.email} changed by ${me.email}: ${Object.keys(body).join(', ')}`);
    await pushTeamAgents(ctx, target.id);
    const [view] = await teamView([target.id]);
    res.json({ agent: view });
  });

  router.post('/invites', requireRole(ctx, 'admin'), async (req, res) => {
    const body = parseBody(InviteCreateSchema, req.body);
    if (await ctx.storage.getAgentByEmail(body.email)) throw REFUSALS.email_taken;
    if (body.department && !(await ctx.storage.getDepartment(body.department))) throw new KefuError('not_found', `unknown department ${body.department}`);
    const token = newSessionToken();
    const now = ctx.now();
    const invite = await ctx.storage.createInvite({
      tokenHash: hashSessionToken(token),
      email: body.email,
      role: body.role,
      ...(body.department ? { department: body.department } : {}),
      createdBy: signedInAgent(res).id,
      createdAt: now,
      expiresAt: now + INVITE_TTL_MS,
    });
    ctx.log.info(`invite for ${invite.email} (${invite.role}) created by ${signedInAgent(res).email}`);
    const created: InviteCreated = { ...inviteInfo(invite), path: `/console/#/invite/${token}` };
    res.status(201).json({ invite: created });
  });

  router.get('/invites/:token', async (req, res) => {
    const { invite } = await liveInvite(req.params.token);
    res.json({ invite: inviteInfo(invite) });
  });

  router.post('/invites/:token/accept', async (req, res) => {
    const { tokenHash } = await liveInvite(req.params.token);
    const body = parseBody(InviteAcceptSchema, req.body);
    const result = await ctx.storage.acceptInvite({ tokenHash, name: body.name, passwordHash: await hashPassword(body.password), now: ctx.now() });
    if ('refused' in result) throw REFUSALS[result.refused];
    const session = await ctx.sessions.open(result.agent.id);
    setSessionCookie(req, res, session);
    ctx.log.info(`agent ${result.agent.email} joined through an invite`);
    await pushTeamAgents(ctx, result.agent.id);
    res.status(201).json({ agent: agentProfile(result.agent), socketToken: session.socketToken });
  });

  return router;
}

/** Disabled now, or a role that grants less than before. */
function endsAccess(before: AgentRecord, after: AgentRecord): boolean {
  return (before.disabledAt === undefined && after.disabledAt !== undefined) || !roleAtLeast(after.role, before.role);
}
