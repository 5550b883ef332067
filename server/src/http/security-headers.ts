/**
 * Response headers (helmet): a strict Content-Security-Policy for the console and the JSON API, a
 * looser one for the demo page (the widget draws with inline <style> in its shadow root), HSTS only
 * on requests that arrived over TLS (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The console and the API: nothing but this origin's own files ('self' covers same-origin ws: in current browsers). */
export const CONSOLE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // data: for the console's empty favicon.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/** The demo page: its own inline <style>, and the widget's inline styles in the shadow root; scripts stay 'self' only. */
export const DEMO_PAGE_CSP = { ...CONSOLE_CSP, 'style-src': ["'self'", "'unsafe-inline'"] };

const base = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
  // Set below, only over TLS: over plain HTTP the header is ignored at best and misleading at worst.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  xFrameOptions: { action: 'sameorigin' },
  // The widget files override this with cross-origin: customers' pages load them.
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });

/** Headers every response carries. Needs Express `trust proxy` set first, so `req.secure` believes only trusted proxies. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  base(req, res, (err?: unknown) => {
    if (err) return next(err);
    if (req.secure) return hsts(req, res, next);
    next();
  });
};

/** For the agent console (also covered by `securityHeaders`): no framing by other origins, own files only. */
export const consoleHeaders: RequestHandler = helmet.contentSecurityPolicy({ useDefaults: false, directives: CONSOLE_CSP });

/** For the demo host page at `/`. */
export const demoPageHeaders: RequestHandler = helmet.contentSecurityPolicy({ useDefaults: false, directives: DEMO_PAGE_CSP });
