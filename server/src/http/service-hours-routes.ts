/**
 * Admin routes for service hours, mounted at /api/service-hours: read the schedule (with the time
 * zone it is read in and whether humans are on duty now), and replace it as a whole. A bad body is
 * refused with `bad_request` naming the field, and the stored hours stay as they were.
 */
import { Router } from 'express';
import type { KefuContext } from '../context.ts';
import { requireAgent } from '../auth/require-agent.ts';
import { availability } from '../hours/availability.ts';
import { readServiceHours, writeServiceHours } from '../hours/service-hours-store.ts';
import type { ServiceHours } from '@kefu/shared';

export function serviceHoursRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.use(requireAgent(ctx, ['admin']));

  const view = (serviceHours: ServiceHours) => ({
    serviceHours,
    timeZone: ctx.config.timeZone,
    /** The default schedule at this moment (opensAt / closesAt in epoch ms). */
    now: availability(serviceHours, undefined, ctx.now(), ctx.config.timeZone),
  });

  router.get('/', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(view(await readServiceHours(ctx.storage, (m) => ctx.log.warn(m))));
  });

  router.put('/', async (req, res) => {
    const stored = await writeServiceHours(ctx.storage, req.body);
    ctx.log.info('service hours changed');
    res.setHeader('Cache-Control', 'no-store');
    res.json(view(stored));
  });

  return router;
}
