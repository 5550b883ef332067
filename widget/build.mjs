// Builds the widget artefacts into dist/: the chat app under content-hashed names (widget-app.<lang>.<hash>.js),
// then the loader (widget.js, no Preact) that knows that name, each with precompressed .br and .gz beside it.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The app asks for WebSocket then polling only, yet engine.io-client's transport table also pulls in
 * WebTransport and its stream codecs (~0.9 KB gzip). Replace the table with the two transports used,
 * polling over fetch() (engine.io-client's own Fetch transport, ~0.8 KB gzip lighter than the XHR one);
 * if a future engine.io-client moves the file, the filter stops matching and the default stays.
 */
const twoTransports = {
  name: 'two-transports',
  setup(b) {
    b.onLoad({ filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/ }, () => ({
      contents:
        'import { Fetch } from "./polling-fetch.js";\nimport { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS, polling: Fetch };\n',
      loader: 'js',
    }));
    // Still re-exported by the package index, and it runs code at import (an unload listener), so
    // esbuild cannot drop the unused XHR transport by itself: leave empty classes in its place.
    b.onLoad({ filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]polling-xhr\.js$/ }, () => ({
      contents: 'export class BaseXHR {}\nexport class Request {}\nexport class XHR {}\n',
      loader: 'js',
    }));
  },
};

/** The widget sends and receives JSON only: socket.io-parser's binary support (~1.2 KB gzip) gives way to a text codec. */
const textOnlyParser = {
  name: 'text-only-parser',
  setup(b) {
    b.onResolve({ filter: /^socket\.io-parser$/ }, () => ({ path: join(here, 'src/app/json-packet-parser.ts') }));
  },
};

/** engine.io-client's URI regex (~0.4 KB gzip) gives way to a stand-in on the browser's URL parser. */
const urlParser = {
  name: 'url-parser',
  setup(b) {
    b.onResolve({ filter: /[\\/]contrib[\\/]parseuri\.js$/ }, (args) =>
      /engine\.io-client/.test(args.importer) ? { path: join(here, 'src/app/parse-uri.ts') } : undefined,
    );
  },
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

/** Bytes each source module contributes to one output, largest first (paths relative to the repository). */
function moduleSizes(metafile) {
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ module: relative(join(here, '..'), join(process.cwd(), path)).replace(/^.*node_modules[\\/]/, ''), bytes: bytesInOutput }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** The languages the app is built for, one chunk each (the loader picks by `data-lang`). */
const LANGS = ['zh-CN', 'en'];

/**
 * Bundles the app once per language, then the loader with the chunks' hash compiled in (so the
 * loader must come second), and compresses everything. The chunks are `widget-app.<lang>.<hash>.js`,
 * one hash over all of them; `dist/widget-app.js` is an all-languages copy for loaders cached
 * before a deploy. Older hashed chunks are removed (the server redirects unknown hashes to the copy).
 */
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
    metafile: true,
    write: false,
  };
  // The attachment UI, which the app fetches under its own hash (widget-files.<hash>.js, see app/files-chunk.ts).
  const filesBuilt = await esbuild({ ...common, entryPoints: [join(here, 'src/files/main.ts')], outfile: join(outdir, 'widget-files.js') });
  const filesBytes = filesBuilt.outputFiles[0].contents;
  const bundleApp = (lang) =>
    esbuild({
      ...common,
      entryPoints: [join(here, 'src/app/main.tsx')],
      outfile: join(outdir, 'widget-app.js'),
      define: lang ? { ...common.define, __KEFU_LANG__: JSON.stringify(lang) } : common.define,
      plugins: [twoTransports, textOnlyParser, urlParser],
    });
  const [all, ...chunks] = await Promise.all([bundleApp(undefined), ...LANGS.map(bundleApp)]);
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk.outputFiles[0].contents);
  // The files chunk shares the hash, so it is part of it: a change there is a new name too.
  hash.update(filesBytes);
  const version = hash.digest('hex').slice(0, 12);
  const names = LANGS.map((lang) => `widget-app.${lang}.${version}.js`);
  const filesName = `widget-files.${version}.js`;
  for (const file of await readdir(outdir)) {
    if (/^widget-(app|files)\..+\.js(\.br|\.gz)?$/.test(file) && ![...names, filesName].some((name) => file.startsWith(name))) await rm(join(outdir, file), { force: true });
  }
  const apps = names.map((name) => join(outdir, name));
  const alias = join(outdir, 'widget-app.js');
  const files = join(outdir, filesName);
  await writeFile(files, filesBytes);
  await Promise.all([...chunks.map((chunk, i) => writeFile(apps[i], chunk.outputFiles[0].contents)), writeFile(alias, all.outputFiles[0].contents)]);

  const loader = join(outdir, 'widget.js');
  const loaderBuilt = await esbuild({
    ...common,
    entryPoints: [join(here, 'src/loader/main.ts')],
    outfile: loader,
    define: { ...common.define, __KEFU_APP_VERSION__: JSON.stringify(version) },
    // The loader is on every page view: skip the "use strict" prologue, every byte counts against its budget.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false } },
  });
  await writeFile(loader, loaderBuilt.outputFiles[0].contents);
  const types = join(outdir, 'widget.d.ts');
  await copyFile(join(here, 'widget.d.ts'), types);

  await Promise.all([loader, ...apps, alias, files, types].map(compress));
  return {
    loader,
    files,
    apps: Object.fromEntries(LANGS.map((lang, i) => [lang, apps[i]])),
    version,
    modules: { loader: moduleSizes(loaderBuilt.metafile), app: moduleSizes(chunks[0].metafile) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loader, apps, files } = await build();
  for (const file of [loader, ...Object.values(apps), files]) {
    const [raw, gz, br] = await Promise.all(['', '.gz', '.br'].map(async (ext) => (await readFile(file + ext)).length));
    console.log(`${relative(here, file)}: ${raw} B raw, ${gz} B gzip, ${br} B brotli`);
  }
}
