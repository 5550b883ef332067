/** A redis-server of the harness's own on a free port of 127.0.0.1, without persistence, that a test can stop, pause and restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';
import { spawnManaged, type ManagedProcess } from './managed-process.ts';
import { waitUntil } from './wait-until.ts';

export interface HarnessRedis {
  url: string;
  port: number;
  /** Starts it again (same port, empty: nothing is persisted, like a replaced cache node); a no-op while it runs. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers. */
  pause: () => void;
  resume: () => void;
  /** redis-server's process id while it runs (for its CPU time). */
  pid: () => number | undefined;
  output: () => string;
  destroy: () => Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.write('PING\r\n');
  });
}

export async function startRedis(redisServer: string): Promise<HarnessRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-cluster-redis-'));
  const port = await freePort();
  let proc: ManagedProcess | undefined;
  const start = async (): Promise<void> => {
    // A second redis-server on the same port would fail to bind, and the running one would be lost track of.
    if (proc?.running()) return;
    const p = spawnManaged(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], process.env, dir);
    proc = p;
    await waitUntil(() => ping(port), 10_000, () => `redis-server on ${port} never answered PING\n${p.output()}`);
  };
  const stop = async (): Promise<void> => {
    await proc?.stop();
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    pause: () => proc?.signal('SIGSTOP'),
    resume: () => proc?.signal('SIGCONT'),
    pid: () => (proc?.running() ? proc.pid : undefined),
    output: () => proc?.output() ?? '',
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
