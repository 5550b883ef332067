/** Loads a knowledge-base folder and prepares its matcher in a worker thread, so the serving thread never waits for it. */
import { Worker } from 'node:worker_threads';
import type { KnowledgeBase, PreparedMatcher } from '@kefu/knowledge-base';
import type { KbWorkerInput, KbWorkerOutput } from './kb-worker-messages.ts';

/** A loaded knowledge base and its matcher's index and calibration, ready for `createMatcher(kb, {}, prepared)`. */
export interface PreparedKb {
  kb: KnowledgeBase;
  prepared: PreparedMatcher;
}

/** Run from the TypeScript sources (`pnpm dev`, tests) or from the bundle (`pnpm start`, server/dist/kb-worker.mjs). */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * From source the worker is TypeScript too. Under `tsx` a worker inherits the loader with the parent's flags; under a
 * test runner it does not, and Node 20 ignores `--import` in a worker's flags, so the worker registers tsx itself.
 */
function startWorker(input: KbWorkerInput): Worker {
  if (!fromSource) return new Worker(new URL('./kb-worker.mjs', import.meta.url), { workerData: input });
  const worker = new URL('./kb-worker.ts', import.meta.url).href;
  if (process.execArgv.some((a) => /[\\/]tsx[\\/]dist[\\/]/.test(a))) return new Worker(new URL(worker), { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true, workerData: input });
}

/**
 * Resolves with the prepared knowledge base, or rejects with the folder's problem (the loader's message). `running`
 * holds the worker while it works, so a closing server can end it.
 */
export function prepareInWorker(dir: string, running: Set<Worker>): Promise<PreparedKb> {
  const worker = startWorker({ dir });
  running.add(worker);
  return new Promise<PreparedKb>((resolve, reject) => {
    let answered = false;
    worker.once('message', (out: KbWorkerOutput) => {
      answered = true;
      if (out.ok) resolve({ kb: out.kb, prepared: out.prepared });
      else reject(new Error(out.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      answered = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      running.delete(worker);
      if (!answered) reject(new Error(`the knowledge-base worker stopped (exit code ${code}) before it finished`));
    });
  });
}
