// Type-checks every workspace package with its own tsconfig (strict, from tsconfig.base.json).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const packages = ['shared', 'knowledge-base', 'knowledge-base/bench', 'server', 'widget', 'console', 'e2e', 'load'];
let failed = 0;
for (const pkg of packages) {
  if (!existsSync(`${pkg}/tsconfig.json`)) continue;
  const r = spawnSync('node_modules/.bin/tsc', ['-p', pkg], { stdio: 'inherit', shell: process.platform === 'win32' });
  console.log(`typecheck ${pkg}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
