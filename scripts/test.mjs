// The whole test run: build the browser artefacts, type-check the workspace, then every vitest project
// (unit, integration, browser). Ends with one plain "N passed, N failed, N skipped" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;

if (!run('node', ['scripts/build.mjs'])) process.exit(1);
if (!run('node', ['scripts/typecheck.mjs'])) process.exit(1);

const report = join(mkdtempSync(join(tmpdir(), 'kefu-test-')), 'vitest.json');
const ok = run('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
let summary = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  /* vitest failed before writing its report */
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  const browser = summary.testResults
    .filter((f) => /[\\/]e2e[\\/]/.test(f.name))
    .flatMap((f) => f.assertionResults)
    .filter((t) => t.status === 'passed').length;
  console.log(`\nTest command took ${seconds}s`);
  console.log(`browser tests: ${browser} passed`);
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(ok ? 0 : 1);
