// Type-checks every workspace package with its own tsconfig (strict, from tsconfig.base.json), two at a time:
// each tsc run is one thread, and the machines this runs on have two cores or more.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const packages = ['server', 'e2e', 'widget', 'console', 'load', 'knowledge-base/bench', 'knowledge-base', 'shared'].filter((p) => existsSync(`${p}/tsconfig.json`));

/** Runs tsc on one package; resolves with its exit status and everything it printed. */
const check = (pkg) =>
  new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsc', ['-p', pkg], { shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (status) => resolve({ status, output }));
  });

let failed = 0;
const queue = [...packages];
const lane = async () => {
  for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
    const { status, output } = await check(pkg);
    // One package's diagnostics stay together even when two run at once.
    if (output) process.stdout.write(output);
    console.log(`typecheck ${pkg}: ${status === 0 ? 'ok' : 'FAILED'}`);
    if (status !== 0) failed++;
  }
};
await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, lane));
process.exit(failed ? 1 : 0);
