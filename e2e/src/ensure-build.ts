/** Builds the widget and console bundles when they are missing (the test command builds them first). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root.ts';

const ARTEFACTS = ['widget/dist/widget.js', 'widget/dist/widget-app.js', 'console/dist'];

/** Runs `node scripts/build.mjs` once if any browser artefact is absent; throws with its output on failure. */
export function ensureBuild(): void {
  const missing = ARTEFACTS.filter((p) => !existsSync(join(REPO_ROOT, p)));
  if (missing.length === 0) return;
  const result = spawnSync('node', ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`Building the browser bundles failed (missing: ${missing.join(', ')}):\n${result.stdout}\n${result.stderr}`);
  }
}
