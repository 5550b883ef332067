/**
 * One child process under the harness's control, in a process group of its own: signals (SIGKILL, SIGSTOP, SIGCONT)
 * reach everything it started, its output is kept for failure messages, and a stop always ends with it gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const OUTPUT_LIMIT = 32_000;

export interface ManagedProcess {
  readonly pid: number;
  output: () => string;
  running: () => boolean;
  signal: (signal: NodeJS.Signals) => void;
  /** SIGTERM (SIGCONT first, in case it is paused), then SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL to the group; resolves once it has exited. */
  kill: () => Promise<void>;
  exited: Promise<void>;
}

const live = new Set<ChildProcess>();
// A test process that ends early still takes its children with it.
process.once('exit', () => {
  for (const child of live) if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
});

export function spawnManaged(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): ManagedProcess {
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  live.add(child);
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    pid,
    output: () => output,
    running,
    signal: (signal) => signalGroup(pid, signal),
    stop: async (graceMs = 5_000) => {
      if (!running()) return;
      signalGroup(pid, 'SIGCONT');
      signalGroup(pid, 'SIGTERM');
      const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(force);
    },
    kill: async () => {
      if (!running()) return;
      signalGroup(pid, 'SIGKILL');
      await exited;
    },
    exited,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
