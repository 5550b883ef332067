/**
 * One Kefu node as `pnpm start` runs it, on a fixed port (so nginx's upstream list stays valid across restarts) and its
 * own data folder, sharing the cluster's PostgreSQL (and Redis when given). It can be stopped (SIGTERM), killed
 * (SIGKILL), paused and started again on the same port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.ts';
import { ADMIN } from '../start-server.ts';
import { spawnManaged, type ManagedProcess } from './managed-process.ts';
import { serverBundle } from '../start-server.ts';
import { waitUntil } from './wait-until.ts';

export interface KefuNode {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  /** Starts the process (again) and resolves once /healthz says it is ready. */
  start: () => Promise<void>;
  /** SIGTERM: a graceful shutdown. */
  stop: () => Promise<void>;
  /** SIGKILL: the process dies mid-work. */
  kill: () => Promise<void>;
  running: () => boolean;
  /** The running process's id (for its CPU time), or undefined when it is not running. */
  pid: () => number | undefined;
  output: () => string;
  destroy: () => Promise<void>;
}

export interface KefuNodeOptions {
  name: string;
  port: number;
  env: Record<string, string>;
  /** A server bundle's main.mjs to run instead of the e2e bundle of the current sources (the load tool builds its own). */
  bundle?: string;
  /** Node options before the script (e.g. --cpu-prof). */
  nodeFlags?: string[];
}

/** Creates the node; call `start()` to run it. */
export function kefuNode({ name, port, env, bundle, nodeFlags = [] }: KefuNodeOptions): KefuNode {
  const dataDir = mkdtempSync(join(tmpdir(), `kefu-cluster-${name}-`));
  const url = `http://127.0.0.1:${port}`;
  let proc: ManagedProcess | undefined;
  let previous = '';
  const output = (): string => `${previous}${proc?.output() ?? ''}`.slice(-32_000);
  return {
    name,
    port,
    url,
    start: async () => {
      if (proc?.running()) return;
      if (proc) previous = `${output()}\n--- ${name} restarted ---\n`;
      const p = spawnManaged(
        process.execPath,
        [...nodeFlags, bundle ?? (await serverBundle())],
        {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          KEFU_ADMIN_EMAIL: ADMIN.email,
          KEFU_ADMIN_PASSWORD: ADMIN.password,
          // Humans on duty at every hour of the test run; a test of the hours passes its own.
          KEFU_SERVICE_HOURS: '24/7',
          LOG_LEVEL: 'warn',
          ...env,
        },
        REPO_ROOT,
      );
      proc = p;
      await waitUntil(
        async () => {
          if (!p.running()) throw new Error('exited');
          const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
          return res.status === 200 && !((await res.json()) as { kb?: { loading?: boolean } }).kb?.loading;
        },
        60_000,
        () => `${name} on ${port} never became healthy\n${output()}`,
      );
    },
    stop: async () => {
      await proc?.stop();
    },
    kill: async () => {
      await proc?.kill();
    },
    running: () => proc?.running() ?? false,
    pid: () => (proc?.running() ? proc.pid : undefined),
    output,
    destroy: async () => {
      await proc?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
