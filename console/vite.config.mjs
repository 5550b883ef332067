// The console's Vite config: the production build (console/build.mjs, under /console/ as the server serves it) and
// the dev server (`pnpm dev:console`), which serves the sources with HMR and passes the API and Socket.IO through to
// a Kefu server (KEFU_DEV_TARGET, default http://127.0.0.1:3000).
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const target = process.env.KEFU_DEV_TARGET ?? 'http://127.0.0.1:3000';
/** The two assets index.html names; the server serves them by these names (server/src/http/static-routes.ts). */
const ASSETS = ['console.js', 'console.css'];

/**
 * Adds `?v=<hash of both assets>` to their URLs in the built index.html: they keep fixed names, and the query
 * changing with the content means a cached console.js never outlives a deploy.
 */
const versionQuery = {
  name: 'version-query',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { bundle }) {
      const hash = createHash('sha256');
      for (const name of ASSETS) {
        const file = bundle?.[name];
        if (!file) throw new Error(`the console build wrote no ${name}`);
        hash.update(file.type === 'chunk' ? file.code : file.source);
      }
      const version = hash.digest('hex').slice(0, 12);
      return html.replace(/(\/console\/console\.(?:js|css))"/g, `$1?v=${version}"`);
    },
  },
};

export default defineConfig(({ command }) => ({
  root,
  base: '/console/',
  publicDir: false,
  logLevel: command === 'build' ? 'warn' : 'info',
  // esbuild compiles the TSX (Preact's automatic runtime) and minifies; ASCII output as the widget's. A build is a
  // production build whatever NODE_ENV says (the browser tests may start it under NODE_ENV=test).
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: command === 'serve', charset: 'ascii', legalComments: 'none' },
  ...(command === 'build' && {
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { conditions: ['module', 'browser', 'production'] },
  }),
  plugins: [versionQuery],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: 'esbuild',
    modulePreload: false,
    reportCompressedSize: false,
    assetsDir: '',
    rollupOptions: {
      output: {
        entryFileNames: 'console.js',
        chunkFileNames: 'console-[name].[hash].js',
        assetFileNames: (asset) => (asset.names.some((name) => name.endsWith('.css')) ? 'console.css' : '[name].[hash][extname]'),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target, changeOrigin: false },
      '/socket.io': { target, ws: true },
    },
  },
}));
