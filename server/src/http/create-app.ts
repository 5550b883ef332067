/** The Express app: JSON API, health and metrics, static artefacts, the demo page, one error handler. */
import express, { type Express } from 'express';
import type { KefuContext } from '../context.ts';
import { authRoutes } from './auth-routes.ts';
import { cannedReplyRoutes } from './canned-reply-routes.ts';
import { demoPage } from './demo-page.ts';
import { departmentRoutes } from './department-routes.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { fileRoutes } from './file-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { historyRoutes } from './history-routes.ts';
import { ticketFileRoutes } from './ticket-file-routes.ts';
import { ticketRoutes } from './ticket-routes.ts';
import { kbEntryRoutes } from './kb-entry-routes.ts';
import { demoPageHeaders, securityHeaders } from './security-headers.ts';
import { serviceHoursRoutes } from './service-hours-routes.ts';
import { ratingRoutes } from './rating-routes.ts';
import { siteRoutes } from './site-routes.ts';
import { statusRoutes } from './status-routes.ts';
import { staticRoutes } from './static-routes.ts';
import { teamRoutes } from './team-routes.ts';

export function createApp(ctx: KefuContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.trust);
  app.use(securityHeaders);
  app.use('/api', express.json({ limit: '16kb' }));
  app.use('/api/auth', authRoutes(ctx));
  app.use('/api/sites', siteRoutes(ctx));
  app.use('/api/team', teamRoutes(ctx));
  app.use('/api/departments', departmentRoutes(ctx));
  app.use('/api/service-hours', serviceHoursRoutes(ctx));
  app.use('/api/canned-replies', cannedReplyRoutes(ctx));
  app.use('/api/kb', kbEntryRoutes(ctx));
  app.use('/api/conversations/history', historyRoutes(ctx));
  app.use('/api/tickets', ticketRoutes(ctx));
  app.use('/api/ratings', ratingRoutes(ctx));
  app.use(statusRoutes(ctx));
  app.use('/api', ticketFileRoutes(ctx));
  app.use('/api', fileRoutes(ctx));
  app.use(healthRoutes(ctx));
  app.use(staticRoutes(ctx.config));
  app.get('/', demoPageHeaders, demoPage);
  app.use(notFound);
  app.use(errorHandler(ctx.log));
  return app;
}
