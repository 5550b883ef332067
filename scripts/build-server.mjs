// Bundles the server for `pnpm start`: server/dist/main.mjs and the knowledge-base worker server/dist/kb-worker.mjs.
// Node then starts from two plain JavaScript files instead of compiling hundreds of TypeScript modules at every
// start (tsx) and resolving each package's files one by one. `pnpm dev` and the tests still run the sources.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Native addons (and jieba's dictionary loader, which reads files beside itself) stay outside the bundle. pnpm gives
 * each workspace package only its own dependencies, so a bare name would not resolve from server/dist: each is
 * resolved now, from the package that imports it, and imported by its path relative to the bundle.
 */
const NATIVE = /^(better-sqlite3|@node-rs\/jieba)(\/.*)?$/;
const nativeByPath = (outdir) => ({
  name: 'native-by-path',
  setup(b) {
    b.onResolve({ filter: NATIVE }, (args) => {
      const file = createRequire(join(args.resolveDir, 'index.js')).resolve(args.path);
      const path = relative(outdir, file).split(sep).join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
});

/**
 * These modules find files (the demo content, the word and English piece vectors, the built widget and console, jieba's
 * dictionary) relative to their own source location; in the bundle `import.meta.url` is the bundle's, so it is pointed
 * back at the source file. (A bundle outside the repository, as the browser tests build, would otherwise find the word
 * vectors' package only through NODE_PATH, which the pnpm-run test command happens to set; plain `node` finds none.)
 */
const SOURCE_RELATIVE = ['knowledge-base/src/demo-kb-dir.ts', 'knowledge-base/src/semantic/english-vectors.ts', 'knowledge-base/src/semantic/word-vectors.ts', 'knowledge-base/src/text/jieba-dict.ts', 'server/src/config.ts'].map((f) => join(root, f));
const sourceRelativeUrls = (outdir) => ({
  name: 'source-relative-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!SOURCE_RELATIVE.includes(args.path)) return undefined;
      const { readFile } = await import('node:fs/promises');
      const fromBundle = relative(outdir, args.path).split(sep).join('/');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
});

const ENTRIES = { main: 'server/src/main.ts', 'kb-worker': 'server/src/kb/kb-worker.ts' };

/**
 * Writes the bundle into `outdir` (default server/dist; any folder works, the browser tests use a temporary one);
 * `only` limits it to one entry (the sources run their worker thread from a bundle of it). Resolves with the paths.
 */
export async function buildServer({ outdir = join(root, 'server/dist'), only } = {}) {
  const names = only ? [only] : Object.keys(ENTRIES);
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join(root, ENTRIES[name])])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __kefuCreateRequire } from 'node:module';\nconst require = __kefuCreateRequire(import.meta.url);" },
    plugins: [nativeByPath(outdir), sourceRelativeUrls(outdir)],
    sourcemap: 'linked',
    // Node keeps each module's source text for the life of the process (lazy compilation, Function#toString): without
    // comments and indentation, and ASCII only (one non-ASCII character makes V8 store the whole text at two bytes a
    // character), the 4 MB bundle held 7.6 MB; names stay as written, so stack traces read as before.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(file.path, file.path.endsWith('.mjs') ? asciiOnly(file.text) : file.contents);
  return Object.keys(result.metafile.outputs)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => resolve(f));
}

/**
 * esbuild escapes strings but leaves non-ASCII characters in regular expression literals (the Chinese filler and
 * handoff patterns). After minification nothing else can hold one, and `\uXXXX` means the same code unit in a regular
 * expression, with or without the `u` flag (a surrogate pair of escapes is one code point there). Only those few
 * lines' columns shift in the source map.
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
