// Bundles the console (Preact + socket.io-client) into dist/: index.html, console.js, console.css,
// and precompressed .br / .gz beside the two assets for the server to pick by Accept-Encoding.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import * as esbuild from 'esbuild';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Writes `<file>.br` (brotli, max quality) and `<file>.gz` (gzip -9) beside `file`. */
async function compress(file) {
  const bytes = await readFile(file);
  const br = await brotli(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, await gzipAsync(bytes, { level: 9 }))]);
}

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

// Built here rather than kept as a file so the asset paths and the page stay in one place; the
// version query changes with the content, so a cached console.js never outlives a deploy.
const page = (version) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>客服工作台 · Kefu</title>
<link rel="stylesheet" href="/console/console.css?v=${version}">
<script type="module" src="/console/console.js?v=${version}"></script>
</head>
<body>
<div id="app"></div>
<noscript>请启用 JavaScript / Please enable JavaScript.</noscript>
</body>
</html>
`;

/** Writes console/dist/{index.html,console.js,console.css} (+ .br, .gz); returns the esbuild metafile outputs. */
export async function build() {
  await mkdir(dist, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: {
      contents: "import './src/console.css';\nimport { startConsole } from './src/index.ts';\nstartConsole(document.getElementById('app'));\n",
      resolveDir: root,
      sourcefile: 'console-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dist, 'console.js'),
    metafile: true,
    logLevel: 'warning',
  });
  const hash = createHash('sha256');
  for (const file of ['console.js', 'console.css']) hash.update(await readFile(join(dist, file)));
  await Promise.all(['console.js', 'console.css'].map((file) => compress(join(dist, file))));
  await writeFile(join(dist, 'index.html'), page(hash.digest('hex').slice(0, 12)));
  return result.metafile.outputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outputs = await build();
  for (const [file, { bytes }] of Object.entries(outputs)) console.log(`${file} ${bytes} B`);
}
