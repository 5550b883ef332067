/**
 * Canned replies under /api/canned-replies: an agent lists the team's and their own, and keeps their own;
 * supervisors and admins also create, change and delete the team's. A refusal changes nothing.
 */
import { Router } from 'express';
import { CannedReplyCreateSchema, CannedReplyPatchSchema, roleAtLeast, v, type CannedReplyView } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireRole, signedInAgent } from '../auth/require-agent.ts';
import type { AgentRecord, CannedReplyRecord } from '../storage/storage.ts';
import { parseBody } from './parse-body.ts';

const IdSchema = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/));

export const cannedReplyView = (r: CannedReplyRecord): CannedReplyView => ({
  id: r.id,
  team: r.ownerAgentId === undefined,
  ...(r.shortcut === undefined ? {} : { shortcut: r.shortcut }),
  title: r.title,
  text: r.text,
  updatedAt: r.updatedAt,
});

export function cannedReplyRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const agentOnly = requireRole(ctx, 'agent');

  /** The reply the agent may change: their own, or a team one when they are a supervisor or admin. Another agent's is not found. */
  const editable = async (agent: Pick<AgentRecord, 'id' | 'role'>, rawId: unknown): Promise<CannedReplyRecord> => {
    const reply = v.is(IdSchema, rawId) ? await ctx.storage.getCannedReply(rawId) : undefined;
    if (!reply || (reply.ownerAgentId !== undefined && reply.ownerAgentId !== agent.id)) throw new KefuError('not_found', 'no such canned reply');
    if (reply.ownerAgentId === undefined && !roleAtLeast(agent.role, 'supervisor')) {
      throw new KefuError('forbidden', 'only a supervisor or an admin changes the team’s canned replies');
    }
    return reply;
  };

  router.get('/', agentOnly, async (_req, res) => {
    res.json({ replies: (await ctx.storage.listCannedReplies(signedInAgent(res).id)).map(cannedReplyView) });
  });

  router.post('/', agentOnly, async (req, res) => {
    const agent = signedInAgent(res);
    const { team, ...body } = parseBody(CannedReplyCreateSchema, req.body);
    if (team && !roleAtLeast(agent.role, 'supervisor')) throw new KefuError('forbidden', 'only a supervisor or an admin creates team canned replies');
    const created = await ctx.storage.createCannedReply({ ...body, ...(team ? {} : { ownerAgentId: agent.id }), now: ctx.now() });
    res.status(201).json({ reply: cannedReplyView(created) });
  });

  router.patch('/:id', agentOnly, async (req, res) => {
    const reply = await editable(signedInAgent(res), req.params.id);
    const body = parseBody(CannedReplyPatchSchema, req.body);
    const updated = await ctx.storage.updateCannedReply(reply.id, body, ctx.now());
    if (!updated) throw new KefuError('not_found', 'no such canned reply');
    res.json({ reply: cannedReplyView(updated) });
  });

  router.delete('/:id', agentOnly, async (req, res) => {
    const reply = await editable(signedInAgent(res), req.params.id);
    if (!(await ctx.storage.deleteCannedReply(reply.id))) throw new KefuError('not_found', 'no such canned reply');
    res.status(204).end();
  });

  return router;
}
