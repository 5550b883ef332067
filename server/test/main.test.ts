/** The command-line entry: prints where things are, refuses several nodes without a transport choice, stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, tempDir } from './support/test-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(env: Record<string, string>, onOutput?: (text: string, stop: () => void) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: tempDir(), KB_DIR: FIXTURE_KB, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    onOutput?.(out, () => child.kill('SIGTERM'));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('main', () => {
  it('exits 1 with a clear message when REDIS_URL is set without saying how polling reaches one node', async () => {
    // The transport choice is checked before the database is opened: the address need not answer.
    const { code, out } = await run({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://kefu@127.0.0.1:1/kefu', KEFU_STICKY: '', KEFU_TRANSPORTS: '' });
    expect(code).toBe(1);
    expect(out).toMatch(/Set KEFU_STICKY=true .* or KEFU_TRANSPORTS=websocket/);
  });

  it('exits 1 with a clear message when REDIS_URL is set without DATABASE_URL (several nodes cannot share one SQLite file)', async () => {
    const { code, out } = await run({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: '', KEFU_STICKY: 'true' });
    expect(code).toBe(1);
    expect(out).toMatch(/kefu: REDIS_URL runs several nodes, and several nodes cannot share the SQLite file/);
    expect(out).toMatch(/Set DATABASE_URL=postgres:\/\//);
  });

  it('exits 1 naming the SQLite file and what to do when the file is not a database, and leaves it as it was', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'kefu.sqlite');
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(4096)]);
    writeFileSync(file, damaged);
    const { code, out } = await run({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toContain(`kefu: failed to start: the SQLite database ${file} cannot be used: file is not a database (SQLITE_NOTADB)`);
    expect(out).toContain('restore the file from a backup, or move it aside to start with an empty database');
    expect(readFileSync(file).equals(damaged), 'the damaged file was changed').toBe(true);
  });

  it('exits 1 naming the SQLite file when its place is taken by a folder', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'kefu.sqlite'));
    const { code, out } = await run({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toMatch(/the SQLite database .*kefu\.sqlite cannot be used: .*\(SQLITE_CANTOPEN\); check that this user can read and write it and its folder \(DATA_DIR\)/);
  });

  it('prints the demo page, the console and a generated admin password, then stops on SIGTERM', async () => {
    let stopped = false;
    const { code, out } = await run({ KEFU_ADMIN_EMAIL: '', KEFU_ADMIN_PASSWORD: '' }, (text, stop) => {
      if (!stopped && /Admin sign-in/.test(text)) {
        stopped = true;
        stop();
      }
    });
    expect(out).toMatch(/Demo page:\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/Agent console:\s+http:\/\/127\.0\.0\.1:\d+\/console/);
    expect(out).toMatch(/admin@localhost \/ \S{12,}/);
    expect(out).toMatch(/Widget origins:\s+loopback only .*set ALLOWED_ORIGINS/);
    expect(code).toBe(0);
  });
});
