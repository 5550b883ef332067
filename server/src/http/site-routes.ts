/**
 * Admin routes for sites, mounted under /api/sites: read and change a site's allowed origins and
 * identity settings, and rotate its visitor tokens. The identity secret is write-only.
 */
import { Router } from 'express';
import { record, v } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireAgent, signedInAgent } from '../auth/require-agent.ts';
import type { SiteRecord } from '../storage/storage.ts';

/** What an admin sees of a site: everything but the secret. */
export interface SiteView {
  key: string;
  name: string;
  allowedOrigins: string[];
  identityRequired: boolean;
  hasIdentitySecret: boolean;
  tokenGeneration: number;
  createdAt: number;
}

export function siteView(site: SiteRecord): SiteView {
  return {
    key: site.key,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    identityRequired: site.identityRequired,
    hasIdentitySecret: site.identitySecret !== undefined,
    tokenGeneration: site.tokenGeneration,
    createdAt: site.createdAt,
  };
}

const origin = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(253),
  v.transform((s) => s.replace(/\/+$/, '')),
  v.check((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === s;
    } catch {
      return false;
    }
  }, 'each allowed origin must be scheme://host[:port], without a path'),
);

/** PATCH body; `identitySecret: null` removes the secret. */
const SitePatchSchema = record({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80), v.regex(/^[^\u0000-\u001F\u007F]*$/, 'control characters are not allowed'))),
  allowedOrigins: v.optional(v.pipe(v.array(origin), v.maxLength(100))),
  // Long enough that guessing it is hopeless; printable ASCII so it pastes into any backend's config.
  identitySecret: v.optional(v.nullable(v.pipe(v.string(), v.minLength(16, 'identitySecret needs at least 16 characters'), v.maxLength(256), v.regex(/^[\x21-\x7E]+$/, 'identitySecret must be printable ASCII without spaces')))),
  identityRequired: v.optional(v.boolean()),
});

export function siteRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use(requireAgent(ctx, ['admin']));

  const load = async (key: string): Promise<SiteRecord> => {
    const site = await ctx.storage.getSite(key);
    if (!site) throw new KefuError('not_found', `unknown site ${key}`);
    return site;
  };

  router.get('/:key', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ site: siteView(await load(req.params.key)) });
  });

  router.patch('/:key', async (req, res) => {
    const parsed = v.safeParse(SitePatchSchema, req.body);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.');
      throw new KefuError('bad_request', `${path ? `${path}: ` : ''}${issue.message}`);
    }
    const site = await load(req.params.key);
    const patch = parsed.output;
    // Requiring verification without a secret would lock every visitor out.
    const secretAfter = patch.identitySecret === undefined ? site.identitySecret : (patch.identitySecret ?? undefined);
    const requiredAfter = patch.identityRequired ?? site.identityRequired;
    if (requiredAfter && !secretAfter) throw new KefuError('bad_request', 'identityRequired needs an identitySecret');
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
