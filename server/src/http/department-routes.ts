/**
 * Department routes under /api/departments: every agent reads them (labels, transfer targets); admins create,
 * rename, delete and set members. A change of membership is pushed to the team pages (`teamAgent`).
 */
import { Router } from 'express';
import { DepartmentCreateSchema, DepartmentPatchSchema, v } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireRole, signedInAgent } from '../auth/require-agent.ts';
import { pushTeamAgents } from '../socket/push-team-agent.ts';
import { parseBody } from './parse-body.ts';
import { departmentView } from './team-views.ts';

const KeySchema = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'malformed department key'));
const AgentIdSchema = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'malformed agent id'));

export function departmentRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const admin = requireRole(ctx, 'admin');
  const keyOf = (raw: unknown) => {
    if (!v.is(KeySchema, raw)) throw new KefuError('not_found', 'no such department');
    return raw;
  };

  router.get('/', requireRole(ctx, 'agent'), async (_req, res) => {
    res.json({ departments: (await ctx.storage.listDepartments()).map(departmentView) });
  });

  router.post('/', admin, async (req, res) => {
    const body = parseBody(DepartmentCreateSchema, req.body);
    const created = await ctx.storage.createDepartment({ ...body, now: ctx.now() });
    if (!created) throw new KefuError('conflict', `a department with key ${body.key} already exists`);
    ctx.log.info(`department ${created.key} created by ${signedInAgent(res).email}`);
    res.status(201).json({ department: departmentView(created) });
  });

  router.patch('/:key', admin, async (req, res) => {
    const key = keyOf(req.params.key);
    const body = parseBody(DepartmentPatchSchema, req.body);
    const updated = await ctx.storage.updateDepartment(key, body);
    if (!updated) throw new KefuError('not_found', 'no such department');
    res.json({ department: departmentView(updated) });
  });

  router.delete('/:key', admin, async (req, res) => {
    const key = keyOf(req.params.key);
    const members = (await ctx.storage.getDepartment(key))?.members ?? [];
    if (!(await ctx.storage.deleteDepartment(key))) throw new KefuError('not_found', 'no such department');
    ctx.log.info(`department ${key} deleted by ${signedInAgent(res).email}`);
    await pushTeamAgents(ctx, ...members);
    res.status(204).end();
  });

  router.put('/:key/members/:agentId', admin, async (req, res) => {
    const key = keyOf(req.params.key);
    const agentId = parseBody(AgentIdSchema, req.params.agentId);
    if (!(await ctx.storage.addDepartmentMember(key, agentId))) throw new KefuError('not_found', 'no such department or agent');
    await pushTeamAgents(ctx, agentId);
    res.json({ department: departmentView((await ctx.storage.getDepartment(key))!) });
  });

  router.delete('/:key/members/:agentId', admin, async (req, res) => {
    const key = keyOf(req.params.key);
    const agentId = parseBody(AgentIdSchema, req.params.agentId);
    if (!(await ctx.storage.getDepartment(key))) throw new KefuError('not_found', 'no such department');
    await ctx.storage.removeDepartmentMember(key, agentId);
    await pushTeamAgents(ctx, agentId);
    res.json({ department: departmentView((await ctx.storage.getDepartment(key))!) });
  });

  return router;
}
