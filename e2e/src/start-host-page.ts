/** A customer's website on another origin: a plain page that embeds the widget beside hostile CSS. */
import { createServer, type Server } from 'node:http';
import { HOSTILE_CSS } from './hostile-css.ts';

export interface HostPageOptions {
  /** Base URL of the Kefu server whose /widget.js the page embeds. */
  widgetBase: string;
  /** Port to listen on (0 = any). */
  port?: number;
}

/** The running page server; `url` uses `localhost`, a different origin from the server's 127.0.0.1. */
export interface HostPage {
  url: string;
  origin: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * What a site owner writes before the snippet to use the host API early: the queueing stub,
 * a `message` listener that keeps what it hears in `window.kefuHeard`, and `Kefu('open')`.
 */
export const HOST_API_PRELUDE = `<script>
window.Kefu = window.Kefu || function () { (window.Kefu.q = window.Kefu.q || []).push(arguments); };
window.kefuHeard = [];
Kefu('on', 'message', function (message) { window.kefuHeard.push(JSON.stringify(message)); });
Kefu('open');
</script>`;

/** What varies between the host pages: snippet attributes and a script before the snippet. */
export interface HostPageVariant {
  /** `data-lang` on the snippet. */
  lang?: string;
  /** `data-position` on the snippet. */
  position?: 'left' | 'right';
  /** HTML placed before the snippet. */
  prelude?: string;
  /** `data-site` on the snippet (default `demo`). */
  site?: string;
}

/**
 * Pages: `/` (browser language), `/en` (`data-lang="en"`), `/left` (`data-position="left"`), `/api` (host API before
 * the loader), `/unknown-site` and `/en/unknown-site` (a site key the server does not know).
 */
export function renderHostPage(widgetBase: string, variant: HostPageVariant = {}): string {
  const { lang, position, prelude = '', site = 'demo' } = variant;
  const attrs = (lang ? ` data-lang="${lang}"` : '') + (position ? ` data-position="${position}"` : '');
  return `<!doctype html>
<html lang="${lang ?? 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Store</title>
<style>${HOSTILE_CSS}</style>
</head>
<body>
<h1>Acme 商城</h1>
<p>Welcome to our store. 欢迎光临。</p>
<button type="button" id="host-button">Host page button</button>
${prelude}
<script src="${widgetBase}/widget.js" data-site="${site}"${attrs} async></script>
</body>
</html>`;
}

/** Starts the page server on 127.0.0.1 and resolves with its localhost URL. */
export function startHostPage(options: HostPageOptions): Promise<HostPage> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const pages: Record<string, () => string> = {
      '/': () => renderHostPage(options.widgetBase),
      '/en': () => renderHostPage(options.widgetBase, { lang: 'en' }),
      '/left': () => renderHostPage(options.widgetBase, { position: 'left' }),
      '/api': () => renderHostPage(options.widgetBase, { prelude: HOST_API_PRELUDE }),
      '/unknown-site': () => renderHostPage(options.widgetBase, { site: 'no-such-site' }),
      '/en/unknown-site': () => renderHostPage(options.widgetBase, { lang: 'en', site: 'no-such-site' }),
    };
    const render = path ? pages[path] : undefined;
    if (render) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(render());
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const origin = `http://localhost:${port}`;
      resolve({
        url: `${origin}/`,
        origin,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
