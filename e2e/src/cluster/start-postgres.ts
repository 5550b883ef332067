/**
 * A PostgreSQL server of the harness's own: initdb into a temporary folder, pg_ctl to start, stop and restart it on a
 * free port of 127.0.0.1, so a test can take it away without touching the database other tests use.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';
import { postgresRunner } from './run-as.ts';

export interface HarnessPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  port: number;
  start: () => void;
  /** Fast shutdown: open connections are cut, like a database restart in production. */
  stop: () => void;
  restart: () => void;
  /** The postmaster's process id while it runs (its backends are its children), from postmaster.pid. */
  pid: () => number | undefined;
  /** The server log so far (for failure messages). */
  log: () => string;
  /** Stops it and removes the folder. */
  destroy: () => void;
}

export async function startPostgres(tools: { initdb: string; pgCtl: string }): Promise<HarnessPostgres> {
  const runner = postgresRunner();
  const root = mkdtempSync(join(tmpdir(), 'kefu-cluster-pg-'));
  runner.own(root);
  const data = join(root, 'data');
  const socketDir = join(root, 'run');
  mkdirSync(socketDir);
  runner.own(socketDir);
  const logFile = join(root, 'postgres.log');
  const port = await freePort();
  const run = (program: string, args: string[], timeout: number): void => {
    const [cmd, argv] = runner.command(program, args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout, cwd: root });
    if (result.status !== 0) {
      throw new Error(`${program} ${args[args.length - 1]} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}\n${log()}`);
    }
  };
  const log = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-8_000);
    } catch {
      return '';
    }
  };
  run(tools.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], 60_000);
  // Durability is not under test here; fsync off keeps the 2-core machine quick.
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  let running = false;
  const start = (): void => {
    run(tools.pgCtl, ['-D', data, '-l', logFile, '-w', '-t', '30', '-o', options, 'start'], 40_000);
    running = true;
  };
  const stop = (): void => {
    if (!running) return;
    run(tools.pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'], 40_000);
    running = false;
  };
  // pg_ctl leaves postgres running on its own; if this process ends without destroy(), end it anyway.
  const onExit = (): void => {
    if (!running) return;
    const [cmd, argv] = runner.command(tools.pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    spawnSync(cmd, argv, { timeout: 10_000 });
  };
  process.once('exit', onExit);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    restart: () => {
      stop();
      start();
    },
    pid: () => {
      if (!running) return undefined;
      const first = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(first) && first > 0 ? first : undefined;
    },
    log,
    destroy: () => {
      try {
        stop();
      } catch {
        onExit();
      }
      process.removeListener('exit', onExit);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

