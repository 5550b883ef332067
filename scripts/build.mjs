// Builds the browser artefacts (widget loader + app, console) with esbuild; the server runs from source with tsx.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

for (const pkg of ['widget', 'console']) {
  const script = resolve(pkg, 'build.mjs');
  if (!existsSync(script)) continue;
  const { build } = await import(pathToFileURL(script).href);
  await build();
}
