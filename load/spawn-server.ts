/** Starts the servers under test as child processes and stops them (SIGTERM, so a CPU profile gets written). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CpuGroup } from './load-config.ts';
import { innermostProcess } from './process-cpu.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  url: string;
  /** The processes whose CPU time is the target's: the server itself (under tsx, the launcher's child), and for a cluster every node, PostgreSQL, Redis and nginx. */
  cpuGroups: CpuGroup[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function stopper(child: ChildProcess, cleanup = (): void => {}): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    }
    cleanup();
  };
}

/**
 * What `pnpm start` runs: the server bundle of `root`'s sources, built into `outdir` (not server/dist, which
 * others may be using) and kept there (its source map explains the CPU profile); undefined in a checkout from
 * before the bundle existed.
 */
export async function buildKefuBundle(root: string, outdir: string): Promise<string | undefined> {
  const script = join(root, 'scripts/build-server.mjs');
  if (!existsSync(script)) return undefined;
  const { buildServer } = (await import(pathToFileURL(script).href)) as { buildServer(options: { outdir: string }): Promise<string[]> };
  await buildServer({ outdir });
  return join(outdir, 'main.mjs');
}

/**
 * Kefu as `pnpm start` runs it, with a fresh DATA_DIR (SQLite) and the demo knowledge base. `root` is the checkout
 * to run (another one measures a baseline); without a `bundle` (an old checkout) its sources run under tsx, the
 * server then being the launcher's child. Ready when /healthz says the knowledge base has loaded.
 */
export async function startKefu(root: string, nodeFlags: string[], bundle: string | undefined): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-load-'));
  const command = bundle ? [...nodeFlags, bundle] : [join(root, 'node_modules/tsx/dist/cli.mjs'), ...nodeFlags, 'server/src/main.ts'];
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', KEFU_ADMIN_EMAIL: 'load@localhost', KEFU_ADMIN_PASSWORD: 'load-test-password' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, () => rmSync(dataDir, { recursive: true, force: true }));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Kefu exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(`${url}/healthz`);
      const body = (await res.json()) as { kb?: { loadedAt?: number } };
      if (res.ok && body.kb?.loadedAt) return { url, cpuGroups: [{ name: 'node', pids: [innermostProcess(child.pid ?? 0)] }], stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('Kefu did not become healthy within 60 s');
}

/** The bare echo server; ready when it prints its URL. */
export async function startEchoServer(): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'load/echo-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`echo server exited with code ${code}`)));
  });
  return { url, cpuGroups: [{ name: 'echo-server', pids: [innermostProcess(child.pid ?? 0)] }], stop: stopper(child) };
}
