/**
 * The built browser artefacts: the widget loader (short cache), its content-hashed app chunks
 * (immutable), its type declarations, and the console (SPA); each served precompressed by
 * Accept-Encoding. 503 until built.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type RequestHandler, type Response } from 'express';
import { consoleHeaders } from './security-headers.ts';
import { sendPrecompressed } from './send-precompressed.ts';

const JS = 'text/javascript; charset=utf-8';
const FIVE_MINUTES = 5 * 60_000;
const ONE_YEAR = 365 * 24 * 3_600_000;
/** `widget-app.<lang>.<hash>.js`, as build.mjs names the app chunks. */
const APP_CHUNK = /^\/widget-app\.[A-Za-z-]{2,8}\.[0-9a-f]{12}\.js$/;
/**
 * The chunks the app fetches beside itself under its hash: `widget-files.<hash>.js` (attachments) and
 * `widget-prechat.<hash>.js` (the pre-chat form), `widget-tickets.<hash>.js` (我的工单 and the complaint form); no fallback (it would run the app twice).
 */
const LAZY_CHUNK = /^\/widget-(files|prechat|tickets)\.[0-9a-f]{12}\.js$/;

function sendNotBuilt(res: Response, what: string): void {
  res.status(503).type('text/plain; charset=utf-8').send(`${what} is not built yet: run the build (node scripts/build.mjs) and reload.`);
}

/** Embedded on other sites: any origin may load the widget's files. */
const crossOrigin: RequestHandler = (_req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
};

export function staticRoutes(dirs: { widgetDistDir: string; consoleDistDir: string }): Router {
  const router = Router();
  const widgetFile = (name: string, type: string, maxAge: number, immutable = false): RequestHandler => (req, res, next) => {
    const path = join(dirs.widgetDistDir, name);
    if (!existsSync(path)) return sendNotBuilt(res, 'The widget');
    sendPrecompressed(req, res, next, path, { type, maxAge, immutable });
  };

  // Short-lived, so a deploy reaches visitors within minutes; the loader names the app chunk to fetch.
  router.get('/widget.js', crossOrigin, widgetFile('widget.js', JS, FIVE_MINUTES));
  // The all-languages app under a stable name, for loaders cached from before a deploy.
  router.get('/widget-app.js', crossOrigin, widgetFile('widget-app.js', JS, FIVE_MINUTES));
  router.get('/widget.d.ts', crossOrigin, widgetFile('widget.d.ts', 'text/plain; charset=utf-8', FIVE_MINUTES));
  router.get(APP_CHUNK, crossOrigin, (req, res, next) => {
    const path = join(dirs.widgetDistDir, req.path.slice(1));
    if (existsSync(path)) return sendPrecompressed(req, res, next, path, { type: JS, maxAge: ONE_YEAR, immutable: true });
    // A loader cached before the last deploy asks for a chunk that is gone: the current app still
    // speaks to it. Relative, so a path prefix in front of the server is kept.
    res.setHeader('Cache-Control', 'no-cache');
    res.redirect(302, 'widget-app.js');
  });

  router.get(LAZY_CHUNK, crossOrigin, (req, res, next) => {
    const path = join(dirs.widgetDistDir, req.path.slice(1));
    if (!existsSync(path)) return next();
    sendPrecompressed(req, res, next, path, { type: JS, maxAge: ONE_YEAR, immutable: true });
  });

  for (const file of ['console.js', 'console.css']) {
    router.get(`/console/${file}`, consoleHeaders, (req, res, next) => {
      const path = join(dirs.consoleDistDir, file);
      if (!existsSync(path)) return next();
      const type = file.endsWith('.css') ? 'text/css; charset=utf-8' : JS;
      sendPrecompressed(req, res, next, path, { type, maxAge: FIVE_MINUTES });
    });
  }
  router.use('/console', consoleHeaders, express.static(dirs.consoleDistDir, { index: false, maxAge: '5m', fallthrough: true }));
  router.get(['/console', '/console/{*rest}'], consoleHeaders, (_req, res, next) => {
    const index = join(dirs.consoleDistDir, 'index.html');
    if (!existsSync(index)) return sendNotBuilt(res, 'The agent console');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  });
  return router;
}
