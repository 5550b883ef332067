/**
 * Who may read GET /metrics: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`;
 * without it, only a direct loopback connection (a scraper on the same machine), never one relayed
 * by a proxy (X-Forwarded-For / Forwarded), since a proxy on this machine would make everyone loopback.
 */
import type { RequestHandler } from 'express';
import { KefuError } from '../kefu-error.ts';
import { sameSecret } from '../security/session-token.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function metricsAccess(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token) {
      const header = req.headers.authorization ?? '';
      const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (!given || !sameSecret(given, token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new KefuError('unauthorized', 'metrics need Authorization: Bearer <METRICS_TOKEN>');
      }
      return next();
    }
    const direct = LOOPBACK.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
    if (!direct) throw new KefuError('forbidden', 'metrics are served to loopback connections only; set METRICS_TOKEN to scrape from elsewhere');
    next();
  };
}
