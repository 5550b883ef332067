/**
 * Admin routes for sites, mounted under /api/sites: list and create sites, read and change one (origins,
 * look, greeting, suggested questions, pre-chat form, default department, identity settings), and rotate
 * its visitor tokens. The identity secret is write-only.
 */
import { Router } from 'express';
import { SiteCreateSchema, SitePatchSchema, type SitePatchInput, type SiteView } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireAgent, signedInAgent } from '../auth/require-agent.ts';
import type { SiteRecord } from '../storage/storage.ts';
import { parseBody } from './parse-body.ts';

export function siteView(site: SiteRecord): SiteView {
  return {
    key: site.key,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    identityRequired: site.identityRequired,
    hasIdentitySecret: site.identitySecret !== undefined,
    tokenGeneration: site.tokenGeneration,
    ...(site.themeColor !== undefined ? { themeColor: site.themeColor } : {}),
    ...(site.welcomeText !== undefined ? { welcomeText: site.welcomeText } : {}),
    suggestions: site.suggestions,
    preChat: site.preChat,
    ...(site.defaultDepartment !== undefined ? { defaultDepartment: site.defaultDepartment } : {}),
    createdAt: site.createdAt,
  };
}

/** Refuses settings that could not work together, before anything is stored. */
async function checkSettings(ctx: KefuContext, body: SitePatchInput, site?: SiteRecord): Promise<void> {
  if (body.defaultDepartment && !(await ctx.storage.getDepartment(body.defaultDepartment))) {
    throw new KefuError('bad_request', `defaultDepartment: unknown department ${body.defaultDepartment}`);
  }
  // Requiring verification without a secret would lock every visitor out.
  const secretAfter = body.identitySecret === undefined ? site?.identitySecret : (body.identitySecret ?? undefined);
  const requiredAfter = body.identityRequired ?? site?.identityRequired ?? false;
  if (requiredAfter && !secretAfter) throw new KefuError('bad_request', 'identityRequired needs an identitySecret');
}

export function siteRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use(requireAgent(ctx, ['admin']));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const load = async (key: string): Promise<SiteRecord> => {
    const site = await ctx.storage.getSite(key);
    if (!site) throw new KefuError('not_found', `unknown site ${key}`);
    return site;
  };

  router.get('/', async (_req, res) => {
    res.json({ sites: (await ctx.storage.listSites()).map(siteView) });
  });

  router.post('/', async (req, res) => {
    const { key, ...body } = parseBody(SiteCreateSchema, req.body);
    await checkSettings(ctx, body);
    const created = await ctx.storage.createSite({ key, ...body, now: ctx.now() });
    if (!created) throw new KefuError('conflict', `a site with key ${key} already exists`);
    ctx.log.info(`site ${key} created by ${signedInAgent(res).email}`);
    res.status(201).json({ site: siteView(created) });
  });

  router.get('/:key', async (req, res) => {
    res.json({ site: siteView(await load(req.params.key)) });
  });

  router.patch('/:key', async (req, res) => {
    const patch = parseBody(SitePatchSchema, req.body);
    const site = await load(req.params.key);
    await checkSettings(ctx, patch, site);
    const updated = await ctx.storage.updateSite(site.key, patch);
    if (!updated) throw new KefuError('not_found', `unknown site ${site.key}`);
    ctx.log.info(`site ${site.key} changed by ${signedInAgent(res).email}: ${Object.keys(patch).join(', ')}`);
    res.json({ site: siteView(updated) });
  });

  router.post('/:key/rotate-tokens', async (req, res) => {
    const site = await load(req.params.key);
    const rotated = await ctx.storage.rotateSiteTokens(site.key);
    if (!rotated) throw new KefuError('not_found', `unknown site ${site.key}`);
    // Open sockets were let in by the old tokens: they reconnect and must present a current one.
    for (const socket of await ctx.visitors.fetchSockets()) if (socket.data.siteKey === site.key) socket.disconnect(true);
    ctx.log.info(`site ${site.key}: visitor tokens rotated by ${signedInAgent(res).email} (generation ${rotated.tokenGeneration})`);
    res.json({ site: siteView(rotated) });
  });

  return router;
}
