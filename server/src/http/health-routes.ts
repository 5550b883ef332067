/** GET /healthz (database answers → 200, else 503, plus knowledge-base status) and GET /metrics. */
import { Router } from 'express';
import type { KefuContext } from '../context.ts';
import { kbContentHash } from './kb-content-hash.ts';
import { metricsAccess } from './metrics-access.ts';
import { originMode } from '../socket/origin.ts';

export function healthRoutes(ctx: KefuContext): Router {
  const router = Router();
  // `contentHash` lets an operator compare what several nodes serve (their `loadedAt` differ).
  const kbStatus = () => {
    const loaded = ctx.kb.current();
    return { ...ctx.kb.status(), ...(loaded ? { contentHash: kbContentHash(loaded.kb) } : {}) };
  };
  router.get('/healthz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await ctx.storage.ping();
      const origins = originMode((await ctx.storage.getSite('demo'))?.allowedOrigins ?? []);
      res.json({ status: 'ok', uptime: Math.round(process.uptime()), kb: kbStatus(), origins });
    } catch (err) {
      ctx.log.error('health check: database does not answer', err);
      res.status(503).json({ status: 'unavailable', kb: kbStatus() });
    }
  });
  router.get('/metrics', metricsAccess(ctx.config.metricsToken), async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/plain; version=0.0.4; charset=utf-8').send(await ctx.metrics.render(ctx.storage));
  });
  return router;
}
