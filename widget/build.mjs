// Builds the two widget artefacts: dist/widget.js (the loader, no Preact) and dist/widget-app.js (the chat app).
import { build as esbuild } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The app asks for WebSocket then polling only, yet engine.io-client's transport table also pulls in
 * WebTransport and its stream codecs (~0.9 KB gzip). Replace the table with the two transports used;
 * if a future engine.io-client moves the file, the filter stops matching and the default stays.
 */
const withoutWebTransport = {
  name: 'without-webtransport',
  setup(b) {
    b.onLoad({ filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/ }, () => ({
      contents:
        'import { XHR } from "./polling-xhr.node.js";\nimport { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS, polling: XHR };\n',
      loader: 'js',
    }));
  },
};

/** Bundles the loader and the app into `outdir` (default widget/dist); returns the two file paths. */
export async function build({ outdir = join(here, 'dist') } = {}) {
  await mkdir(outdir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  };
  const loader = join(outdir, 'widget.js');
  const app = join(outdir, 'widget-app.js');
  await Promise.all([
    // The loader is on every page view: skip the "use strict" prologue, every byte counts against its 2 KB.
    esbuild({ ...common, entryPoints: [join(here, 'src/loader/main.ts')], outfile: loader, tsconfigRaw: { compilerOptions: { alwaysStrict: false } } }),
    esbuild({ ...common, entryPoints: [join(here, 'src/app/main.tsx')], outfile: app, plugins: [withoutWebTransport] }),
  ]);
  return { loader, app };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
