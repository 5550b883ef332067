// Builds the browser artefacts (widget loader + app chunks, console) with Vite, then the server bundle with esbuild.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { buildServer } from './build-server.mjs';

for (const pkg of ['widget', 'console']) {
  const script = resolve(pkg, 'build.mjs');
  if (!existsSync(script)) continue;
  const { build } = await import(pathToFileURL(script).href);
  await build();
}
await buildServer();
