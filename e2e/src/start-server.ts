/** Starts the real Kefu server (`tsx server/src/main.ts`) on a free port with a fresh data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Spawns the server and resolves once `GET /healthz` answers 200. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  // A process group of its own, so stop() also ends the node child that tsx spawns.
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
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
      if (res.status === 200) return;
      last = `status ${res.status}: ${(await res.text()).slice(0, 200)}`;
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
