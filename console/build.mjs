// Builds the console with Vite (vite.config.mjs) into dist/: index.html, console.js, console.css, and precompressed
// .br / .gz beside the two assets for the server to pick by Accept-Encoding.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build as viteBuild } from 'vite';

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

/** Writes console/dist/{index.html,console.js,console.css} (+ .br, .gz); resolves with each output's name and bytes. */
export async function build() {
  const result = await viteBuild({ configFile: join(root, 'vite.config.mjs'), mode: 'production' });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const assets = outputs.map((o) => o.fileName).filter((name) => /\.(js|css)$/.test(name));
  await Promise.all(assets.map((name) => compress(join(dist, name))));
  return Object.fromEntries(outputs.map((o) => [o.fileName, { bytes: Buffer.byteLength(o.type === 'chunk' ? o.code : o.source) }]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outputs = await build();
  for (const [file, { bytes }] of Object.entries(outputs)) console.log(`${file} ${bytes} B`);
}
