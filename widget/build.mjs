// Builds the widget artefacts into dist/ with Vite (library mode, one classic-script IIFE per entry): the chat app
// under content-hashed names (widget-app.<lang>.<hash>.js), the chunks it fetches beside itself, then the loader
// (widget.js, no Preact) that knows that hash, each with precompressed .br and .gz beside it.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { minify } from 'terser';
import { transformWithEsbuild, build as viteBuild } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The chunks the app fetches beside itself, each `src/<name>/main.ts` → `widget-<name>.<hash>.js` under the app's
 * hash (see app/lazy-parts.ts). Each is its own classic script, not an `import()`: a host page loads the widget
 * without CORS or module scripts, so a new lazily fetched part is one more name here (and a route in
 * server/src/http/static-routes.ts).
 */
const LAZY_CHUNKS = ['files', 'prechat', 'tickets'];

/** The languages the app is built for, one chunk each (the loader picks by `data-lang`). */
const LANGS = ['zh-CN', 'en'];

/**
 * The app asks for WebSocket then polling only, yet engine.io-client's transport table also pulls in
 * WebTransport and its stream codecs (~0.9 KB gzip). Replace the table with the two transports used,
 * polling over fetch() (engine.io-client's own Fetch transport, ~0.8 KB gzip lighter than the XHR one);
 * if a future engine.io-client moves the file, the filter stops matching and the default stays.
 */
const twoTransports = {
  name: 'two-transports',
  enforce: 'pre',
  load(id) {
    if (/engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/.test(id)) {
      // websocket.node.js is mapped to the browser's websocket.js by the package's "browser" field.
      return 'import { Fetch } from "./polling-fetch.js";\nimport { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS, polling: Fetch };\n';
    }
    // Still re-exported by the package index, and it runs code at import (an unload listener), so
    // the bundler cannot drop the unused XHR transport by itself: leave empty classes in its place.
    if (/engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]polling-xhr\.js$/.test(id)) {
      return 'export class BaseXHR {}\nexport class Request {}\nexport class XHR {}\n';
    }
    return undefined;
  },
};

/** The widget sends and receives JSON only: socket.io-parser's binary support (~1.2 KB gzip) gives way to a text codec. */
const textOnlyParser = {
  name: 'text-only-parser',
  enforce: 'pre',
  resolveId: (source) => (source === 'socket.io-parser' ? join(here, 'src/app/json-packet-parser.ts') : undefined),
};

/** engine.io-client's URI regex (~0.4 KB gzip) gives way to a stand-in on the browser's URL parser. */
const urlParser = {
  name: 'url-parser',
  enforce: 'pre',
  resolveId: (source, importer) =>
    /[\\/]contrib[\\/]parseuri\.js$|^\.\/contrib\/parseuri\.js$/.test(source) && /engine\.io-client/.test(importer ?? '') ? join(here, 'src/app/parse-uri.ts') : undefined,
};

/** Writes `<file>.br` (brotli, max quality) and `<file>.gz` (gzip -9) beside `file`, for the server to pick by Accept-Encoding. */
export async function compress(file) {
  const bytes = await readFile(file);
  const br = await brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, await gzipAsync(bytes, { level: 9 }))]);
}

/**
 * Turns the bundle (an ES module without imports or exports) into the classic script the page runs: esbuild lowers it
 * to ES2020 inside one function, so nothing leaks into the host page's globals (its helpers included; Vite's own
 * esbuild pass would put them outside an IIFE that assigns no global), then terser minifies it to ASCII only
 * (\uXXXX escapes) without comments. Terser, not esbuild, minifies: 3-5 % fewer gzip bytes on every widget chunk
 * (the loader ~50 B, the app ~0.6 KB), which the budgets need. `strict` adds the "use strict" prologue modules assume.
 */
const classicScript = (strict) => ({
  name: 'classic-script',
  async renderChunk(code) {
    const lowered = await transformWithEsbuild(strict ? `"use strict";\n${code}` : code, 'chunk.js', {
      loader: 'js',
      format: 'iife',
      target: 'es2020',
      charset: 'ascii',
      legalComments: 'none',
    });
    const minified = await minify(lowered.code, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { ascii_only: true, comments: false } });
    return { code: minified.code ?? '', map: null };
  },
});

/**
 * Bundles one entry into a single classic script (see classicScript; no sourcemap). `strict: false` leaves out the
 * "use strict" prologue. Resolves with the code and the bytes each module renders.
 */
async function bundle(entry, { define = {}, plugins = [], strict = true } = {}) {
  const output = await viteBuild({
    configFile: false,
    root: here,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    // A production build whatever NODE_ENV says (the tests build under NODE_ENV=test): no jsxDEV, production exports.
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    resolve: { conditions: ['module', 'browser', 'production'] },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: false },
    plugins: [...plugins, classicScript(strict)],
    build: {
      write: false,
      // ES2020 and the minifying are classicScript's: Vite's own esbuild pass stays off (esnext, no minify).
      target: 'esnext',
      minify: false,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry: join(here, entry), formats: ['es'], fileName: () => 'chunk.js' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) {
    throw new Error(`${entry} split into ${chunks.length} chunks (an import()?): each widget script is one file; a lazily fetched part is an entry of its own, see LAZY_CHUNKS`);
  }
  const [chunk] = chunks;
  return { code: Buffer.from(chunk.code), modules: moduleSizes(chunk.modules) };
}

/** Bytes each source module renders into one output before minification, largest first (paths relative to the repository). */
function moduleSizes(modules) {
  return Object.entries(modules)
    .map(([id, { renderedLength }]) => ({ module: relative(join(here, '..'), id.replace(/^\0/, '')).replace(/^.*node_modules[\\/]/, ''), bytes: renderedLength }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * Bundles the app once per language and the lazily fetched chunks, then the loader with their hash compiled in (so
 * the loader must come last), and compresses everything. The chunks are `widget-app.<lang>.<hash>.js` and
 * `widget-<name>.<hash>.js`, one hash over all of them; `dist/widget-app.js` is an all-languages copy for loaders
 * cached before a deploy. Older hashed chunks are removed (the server redirects unknown app hashes to the copy).
 */
export async function build({ outdir = join(here, 'dist') } = {}) {
  await mkdir(outdir, { recursive: true });
  const appPlugins = [twoTransports, textOnlyParser, urlParser];
  const bundleApp = (lang) => bundle('src/app/main.tsx', { define: lang ? { __KEFU_LANG__: JSON.stringify(lang) } : {}, plugins: appPlugins });
  const [lazy, all, ...apps] = await Promise.all([
    Promise.all(LAZY_CHUNKS.map((name) => bundle(`src/${name}/main.ts`))),
    bundleApp(undefined),
    ...LANGS.map(bundleApp),
  ]);
  const hash = createHash('sha256');
  for (const app of apps) hash.update(app.code);
  // The lazy chunks share the hash, so they are part of it: a change there is a new name too.
  for (const chunk of lazy) hash.update(chunk.code);
  const version = hash.digest('hex').slice(0, 12);
  const appNames = LANGS.map((lang) => `widget-app.${lang}.${version}.js`);
  const lazyNames = LAZY_CHUNKS.map((name) => `widget-${name}.${version}.js`);
  const hashed = /^widget-(app|[a-z]+)\..*[0-9a-f]{12}\.js(\.br|\.gz)?$/;
  for (const file of await readdir(outdir)) {
    if (hashed.test(file) && ![...appNames, ...lazyNames].some((name) => file.startsWith(name))) await rm(join(outdir, file), { force: true });
  }
  const appFiles = appNames.map((name) => join(outdir, name));
  const lazyFiles = lazyNames.map((name) => join(outdir, name));
  const alias = join(outdir, 'widget-app.js');
  await Promise.all([
    ...apps.map((app, i) => writeFile(appFiles[i], app.code)),
    ...lazy.map((chunk, i) => writeFile(lazyFiles[i], chunk.code)),
    writeFile(alias, all.code),
  ]);

  const loader = join(outdir, 'widget.js');
  // The loader is on every page view: no "use strict" prologue, every byte counts against its budget.
  const loaderBuilt = await bundle('src/loader/main.ts', { define: { __KEFU_APP_VERSION__: JSON.stringify(version) }, strict: false });
  await writeFile(loader, loaderBuilt.code);
  const types = join(outdir, 'widget.d.ts');
  await copyFile(join(here, 'widget.d.ts'), types);

  await Promise.all([loader, ...appFiles, alias, ...lazyFiles, types].map(compress));
  const chunks = Object.fromEntries(LAZY_CHUNKS.map((name, i) => [name, lazyFiles[i]]));
  return {
    loader,
    files: chunks.files,
    chunks,
    apps: Object.fromEntries(LANGS.map((lang, i) => [lang, appFiles[i]])),
    version,
    modules: { loader: loaderBuilt.modules, app: apps[0].modules },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loader, apps, chunks } = await build();
  for (const file of [loader, ...Object.values(apps), ...Object.values(chunks)]) {
    const [raw, gz, br] = await Promise.all(['', '.gz', '.br'].map(async (ext) => (await readFile(file + ext)).length));
    console.log(`${relative(here, file)}: ${raw} B raw, ${gz} B gzip, ${br} B brotli`);
  }
}
