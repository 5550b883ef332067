/**
 * The server bundle `pnpm start` runs, built from the current sources once per test process and kept in the
 * temporary folder under its content hash (the same place start-server.ts keeps it, so the two share one copy).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../repo-root.ts';

let bundle: Promise<string> | undefined;

/** Path of main.mjs. */
export function serverBundle(): Promise<string> {
  bundle ??= (async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kefu-e2e-server-'));
    const { buildServer } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/build-server.mjs')).href)) as {
      buildServer(options: { outdir: string }): Promise<string[]>;
    };
    const hash = createHash('sha256');
    for (const file of (await buildServer({ outdir: scratch })).sort()) hash.update(readFileSync(file));
    // Same depth under the temporary folder, so the bundle's relative paths to the repository still hold.
    const dir = join(tmpdir(), `kefu-e2e-server-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(dir)) rmSync(scratch, { recursive: true, force: true });
    else {
      try {
        renameSync(scratch, dir);
      } catch {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    return join(dir, 'main.mjs');
  })();
  return bundle;
}
