/** Runs the real server as its own process (`tsx src/main.ts`), so tests can kill it as an operator's kill -9 would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { FIXTURE_KB } from './test-server.ts';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

export interface SpawnedServer {
  url: string;
  output(): string;
  /** SIGKILL to the whole process group (tsx and the node process it starts); resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts on a free port over `dataDir` with the fixture knowledge base; resolves once /healthz reports its first load done. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: SERVER_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, KB_DIR: FIXTURE_KB, LOG_LEVEL: 'warn', ...env },
  });
  const append = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-32_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  const server: SpawnedServer = {
    url,
    output: () => output,
    kill: async () => {
      if (isRunning(child)) signal('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!isRunning(child)) return;
      const force = setTimeout(() => signal('SIGKILL'), 5000);
      signal('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`server exited before answering /healthz:\n${output}`);
    try {
      // Listening comes first; wait for the knowledge base too, so the bot can answer.
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200 && ((await res.json()) as { kb: { loading?: boolean } }).kb.loading !== true) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.kill();
  throw new Error(`server never answered /healthz:\n${output}`);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
