/**
 * Starts the real Kefu server as `pnpm start` runs it (the esbuild bundle under plain node) on a free port with a
 * fresh data folder. The bundle is built from the current sources once per test process (see `serverBundle`), so a
 * test never runs a stale server/dist and parallel test files never write the same files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './free-port.ts';
import { REPO_ROOT } from './repo-root.ts';

/** Admin the tests sign in with (created by KEFU_ADMIN_EMAIL / KEFU_ADMIN_PASSWORD at start). */
export const ADMIN = { email: 'agent@kefu.test', password: 'correct-horse-battery-9' } as const;

export interface ServerOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Extra environment (ALLOWED_ORIGINS, TZ, …). */
  env?: Record<string, string>;
  /** Reuse a data folder (a restart); a fresh temporary one when omitted. */
  dataDir?: string;
}

/** A running server process and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed so far (for failure messages). */
  output: () => string;
  /** Ends the process; the data folder is removed unless `keepData` (to restart on it). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

const OUTPUT_LIMIT = 64_000;

let bundle: Promise<string> | undefined;

/** Names the server bundle a test run already built, so its test processes need not build one each. */
export const SERVER_BUNDLE_ENV = 'KEFU_E2E_SERVER_BUNDLE';

/**
 * Path of main.mjs in a server bundle of the current sources, built on first use in this process. It is kept in the
 * temporary folder under its content hash: test processes that run the same sources share one copy, and none is left
 * behind per process.
 */
export function serverBundle(): Promise<string> {
  // The test run's global setup builds it once for every test process (see global-setup.ts).
  const built = process.env[SERVER_BUNDLE_ENV];
  if (built && existsSync(built)) return Promise.resolve(built);
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
        // Another test process stored the same bundle first.
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    return join(dir, 'main.mjs');
  })();
  return bundle;
}

/** Spawns the server and resolves once `GET /healthz` answers 200 with the knowledge base's first load finished. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  const main = await serverBundle();
  // A process group of its own, so stop() ends everything the server started.
  const child = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KEFU_ADMIN_EMAIL: ADMIN.email,
      KEFU_ADMIN_PASSWORD: ADMIN.password,
      // Humans on duty at every hour of the test run; a test of the hours passes its own.
      KEFU_SERVICE_HOURS: '24/7',
      ...options.env,
    },
  });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const server: RunningServer = {
    url,
    port,
    dataDir,
    output: () => output,
    stop: async ({ keepData = false } = {}) => {
      await stopProcess(child);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Server exited (${child.exitCode ?? child.signalCode}) before /healthz answered.\n--- server output ---\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      // /healthz answers while the knowledge base still loads; tests start once the bot can answer.
      if (res.status === 200 && !(JSON.parse(body) as { kb?: { loading?: boolean } }).kb?.loading) return;
      last = `status ${res.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Server at ${url} never answered GET /healthz with 200 (last: ${last}).\n--- server output ---\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(pid, 'SIGTERM');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
