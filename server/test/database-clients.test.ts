/** A node on SQLite never loads PostgreSQL's or Redis's client: their code and memory are for the nodes that use them. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('database clients', () => {
  it('are not loaded by a server on SQLite without Redis', () => {
    // A fresh process: this one may have loaded them for other test files.
    const run = spawnSync(TSX, ['test/support/clients-loaded.ts'], { cwd: SERVER_DIR, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { started: { pg: boolean; redis: boolean }; pgOnceImported: boolean };
    expect(seen.started).toEqual({ pg: false, redis: false });
    expect(seen.pgOnceImported).toBe(true);
  });
});
