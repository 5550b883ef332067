/** The built browser artefacts: widget loader + app (cross-origin, short cache) and the console (SPA). 503 until built. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { consoleHeaders } from './security-headers.ts';

function sendNotBuilt(res: Response, what: string): void {
  res.status(503).type('text/plain; charset=utf-8').send(`${what} is not built yet: run the build (node scripts/build.mjs) and reload.`);
}

export function staticRoutes(dirs: { widgetDistDir: string; consoleDistDir: string }): Router {
  const router = Router();

  for (const file of ['widget.js', 'widget-app.js'] as const) {
    router.get(`/${file}`, (_req, res, next) => {
      const path = join(dirs.widgetDistDir, file);
      if (!existsSync(path)) return sendNotBuilt(res, 'The widget');
      // Embedded on other sites: any origin may load it; a short cache lets fixes reach visitors quickly.
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.sendFile(path, { maxAge: '5m', headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }, (err) => err && next(err));
    });
  }
  router.get(['/widget.js.map', '/widget-app.js.map'], (req, res, next) => {
    const path = join(dirs.widgetDistDir, req.path.slice(1));
    if (!existsSync(path)) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.sendFile(path, { maxAge: '5m' }, (err) => err && next(err));
  });

  router.use('/console', consoleHeaders, express.static(dirs.consoleDistDir, { index: false, maxAge: '5m', fallthrough: true }));
  router.get(['/console', '/console/{*rest}'], consoleHeaders, (_req, res, next) => {
    const index = join(dirs.consoleDistDir, 'index.html');
    if (!existsSync(index)) return sendNotBuilt(res, 'The agent console');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  });
  return router;
}
