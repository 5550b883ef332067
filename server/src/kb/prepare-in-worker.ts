/** Loads a knowledge-base folder and prepares its matcher in a worker thread, so the serving thread never waits for it. */
import { Worker } from 'node:worker_threads';
import type { KnowledgeBase, PreparedMatcher } from '@kefu/knowledge-base';
import type { KbWorkerAnswer, KbWorkerRequest } from './kb-worker-messages.ts';

/** A loaded knowledge base and its matcher's index and calibration, ready for `createMatcher(kb, {}, prepared)`. */
export interface PreparedKb {
  kb: KnowledgeBase;
  prepared: PreparedMatcher;
}

/**
 * The worker stays this long after its last job: edits come in bursts (and tests start servers one after another),
 * and a second build skips loading modules and jieba's dictionaries (seconds from source, a few hundred ms from the
 * bundle). Then it ends and frees them. It never keeps the process alive, so a closing server need not end it.
 */
const IDLE_MS = 10_000;

/** Run from the TypeScript sources (`pnpm dev`, tests) or from the bundle (`pnpm start`, server/dist/kb-worker.mjs). */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * From source the worker is TypeScript too. Under `tsx` a worker inherits the loader with the parent's flags; under a
 * test runner it does not, and Node 20 ignores `--import` in a worker's flags, so the worker registers tsx itself.
 */
function startWorker(): Worker {
  if (!fromSource) return new Worker(new URL('./kb-worker.mjs', import.meta.url));
  const worker = new URL('./kb-worker.ts', import.meta.url).href;
  if (process.execArgv.some((a) => /[\\/]tsx[\\/]dist[\\/]/.test(a))) return new Worker(new URL(worker));
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true });
}

interface Job {
  resolve(value: PreparedKb): void;
  reject(err: Error): void;
}

interface SharedWorker {
  worker: Worker;
  jobs: Map<number, Job>;
  idle?: NodeJS.Timeout;
}

/** One worker per process, shared by every holder (tests run several servers) and started on demand. */
let shared: SharedWorker | undefined;
let nextJob = 0;

function end(reason: Error): void {
  if (!shared) return;
  const { worker, jobs, idle } = shared;
  shared = undefined;
  clearTimeout(idle);
  for (const job of jobs.values()) job.reject(reason);
  void worker.terminate();
}

function worker(): SharedWorker {
  if (shared) return shared;
  const state: SharedWorker = { worker: startWorker(), jobs: new Map() };
  state.worker.on('message', ({ id, out }: KbWorkerAnswer) => {
    const job = state.jobs.get(id);
    if (!job) return;
    state.jobs.delete(id);
    if (out.ok) job.resolve({ kb: out.kb, prepared: out.prepared });
    else job.reject(new Error(out.message));
    if (state.jobs.size === 0 && shared === state) {
      // Idle, it never keeps the process alive (the server's sockets do that).
      state.worker.unref();
      state.idle = setTimeout(() => end(new Error('idle')), IDLE_MS);
      state.idle.unref();
    }
  });
  state.worker.on('error', (err) => {
    if (shared === state) end(err);
  });
  state.worker.on('exit', (code) => {
    if (shared === state) end(new Error(`the knowledge-base worker stopped (exit code ${code}) before it finished`));
  });
  shared = state;
  return state;
}

/** Resolves with the prepared knowledge base, or rejects with the folder's problem (the loader's message). */
export function prepareInWorker(dir: string): Promise<PreparedKb> {
  const state = worker();
  clearTimeout(state.idle);
  state.worker.ref();
  const id = nextJob++;
  return new Promise<PreparedKb>((resolve, reject) => {
    state.jobs.set(id, { resolve, reject });
    state.worker.postMessage({ id, dir } satisfies KbWorkerRequest);
  });
}
