/** Loads a knowledge-base folder and prepares its matcher in a worker thread, so the serving thread never waits for it. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { adoptJiebaWords, adoptWordVectors, ownedByThisUser, shareJiebaWords, shareWordVectors, type Calibration, type KnowledgeBase, type PreparedMatcher } from '@kefu/knowledge-base';
import type { KbWorkerAnswer, KbWorkerData, KbWorkerRequest, KbWorkerTables } from './kb-worker-messages.ts';

/** A loaded knowledge base and its matcher's index and calibration, ready for `createMatcher(kb, {}, prepared)`. */
export interface PreparedKb {
  kb: KnowledgeBase;
  /** `matchingFingerprint(kb)`, computed in the worker: the next reload passes it as `served`. */
  matching: string;
  prepared: PreparedMatcher;
}

/** Run from the TypeScript sources (`pnpm dev`, tests) or from the bundle (`pnpm start`, server/dist/kb-worker.mjs). */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * The worker stays this long after its last job: edits come in bursts (an admin saving entry after entry, tests
 * starting servers one after another), and a warm worker has its word vectors, jieba's dictionaries and compiled
 * code at hand. Measured on the built server with the demo content, five edits 8 s apart: 1.0–1.9 s from the file
 * write to serving it with a fresh worker per reload, 0.27–0.4 s with the worker kept, for about 165 MB of resident
 * memory while it waits (295 MB 5 s after the last edit, 130 MB once it has ended). From source a second build also
 * skips bundling the worker. An idle worker never keeps the process alive, so a closing server need not end it.
 */
const IDLE_MS = 60_000;

let sourceBundle: Promise<URL> | undefined;

/**
 * From source the worker would be TypeScript too, and a loader in a fresh thread (tsx) costs seconds before the
 * first build; instead the worker is bundled with the same build as `pnpm start` (esbuild, a development
 * dependency, as the sources only run in development). The bundle is kept in the temporary folder under its content
 * hash: processes that run the same sources share one copy, and none is left behind per process.
 */
function bundledFromSource(): Promise<URL> {
  sourceBundle ??= (async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kefu-kb-worker-'));
    const script = new URL('../../../scripts/build-server.mjs', import.meta.url).href;
    const { buildServer } = (await import(script)) as { buildServer(options: { outdir: string; only: string }): Promise<string[]> };
    const [built] = await buildServer({ outdir: scratch, only: 'kb-worker' });
    const hash = createHash('sha256').update(readFileSync(built!)).digest('hex').slice(0, 16);
    // Same depth under the temporary folder, so the bundle's relative paths to the repository still hold.
    return pathToFileURL(join(keepBundle(scratch, join(tmpdir(), `kefu-kb-worker-${hash}`)), 'kb-worker.mjs'));
  })();
  return sourceBundle;
}

/**
 * Stores the bundle built in `scratch` as `dir`, shared by every process that runs the same sources, and answers the
 * folder to run it from. A bundle is run as code: a `dir` that another user could have written is not used, and this
 * process runs its own copy, removed when it exits.
 */
export function keepBundle(scratch: string, dir: string): string {
  if (!existsSync(dir)) {
    try {
      renameSync(scratch, dir);
    } catch {
      // Another process stored the same bundle first.
    }
  }
  if (existsSync(dir) && ownedByThisUser(dir, ...readdirSync(dir))) {
    rmSync(scratch, { recursive: true, force: true });
    return dir;
  }
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  return scratch;
}

/** A new worker gets this thread's word vectors and jieba words, those it has; this thread takes the worker's others (kb-worker-messages.ts). */
async function startWorker(): Promise<Worker> {
  const workerData: KbWorkerData = { vectors: shareWordVectors() ?? undefined, words: shareJiebaWords() };
  return new Worker(fromSource ? await bundledFromSource() : new URL('./kb-worker.mjs', import.meta.url), { workerData });
}

interface Job extends PrepareOptions {
  loaded?: Omit<PreparedKb, 'prepared'>;
  resolve(value: PreparedKb): void;
  reject(err: Error): void;
}

interface SharedWorker {
  worker: Promise<Worker>;
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
  void worker.then((w) => w.terminate(), () => undefined);
}

function attach(state: SharedWorker, worker: Worker): void {
  worker.on('message', (answer: KbWorkerAnswer | KbWorkerTables) => {
    if ('tables' in answer) {
      if (answer.tables.vectors) adoptWordVectors(answer.tables.vectors);
      if (answer.tables.words) adoptJiebaWords(answer.tables.words);
      return;
    }
    const job = state.jobs.get(answer.id);
    if (!job) return;
    if ('loaded' in answer) {
      job.loaded = { kb: answer.loaded, matching: answer.matching };
      try {
        job.onLoaded?.(answer.loaded);
      } catch {
        // Only a head start: createMatcher meets the same problem and reports it.
      }
      return;
    }
    if ('provisional' in answer) {
      if (job.loaded) job.onProvisional?.({ ...job.loaded, prepared: answer.provisional });
      return;
    }
    state.jobs.delete(answer.id);
    if ('prepared' in answer && job.loaded) job.resolve({ ...job.loaded, prepared: answer.prepared });
    else job.reject(new Error('error' in answer ? answer.error : 'the knowledge-base worker answered out of order'));
    if (state.jobs.size === 0 && shared === state) {
      // Idle, it never keeps the process alive (the server's sockets do that).
      worker.unref();
      state.idle = setTimeout(() => end(new Error('idle')), IDLE_MS);
      state.idle.unref();
    }
  });
  worker.on('error', (err) => {
    if (shared === state) end(err);
  });
  worker.on('exit', (code) => {
    if (shared === state) end(new Error(`the knowledge-base worker stopped (exit code ${code}) before it finished`));
  });
}

function sharedWorker(): SharedWorker {
  if (shared) return shared;
  const state: SharedWorker = { worker: startWorker(), jobs: new Map() };
  shared = state;
  state.worker.then(
    (worker) => attach(state, worker),
    (err: unknown) => {
      if (shared === state) end(err instanceof Error ? err : new Error(String(err)));
    },
  );
  return state;
}

export interface PrepareOptions {
  /** Runs on this thread as soon as the folder has parsed, while the worker still indexes and calibrates. */
  onLoaded?: (kb: KnowledgeBase) => void;
  /** The calibration of the matcher being served, whose bar a reload keeps unless the content clearly needs another. */
  previous?: Calibration;
  /** `matchingFingerprint` of the knowledge base being served: when the new one has the same, `previous` is kept as it is. */
  served?: string;
  /** Given the new index at the served bar when the fit has to run first: serve it until the promise resolves. */
  onProvisional?: (kb: PreparedKb) => void;
}

/** Resolves with the prepared knowledge base, or rejects with the folder's problem (the loader's message). */
export function prepareInWorker(dir: string, options: PrepareOptions = {}): Promise<PreparedKb> {
  const state = sharedWorker();
  clearTimeout(state.idle);
  const id = nextJob++;
  const { previous, served } = options;
  return new Promise<PreparedKb>((resolve, reject) => {
    state.jobs.set(id, { ...options, resolve, reject });
    void state.worker.then(
      (worker) => {
        worker.ref();
        worker.postMessage({ id, dir, ...(previous ? { previous } : {}), ...(served ? { served } : {}) } satisfies KbWorkerRequest);
      },
      () => undefined,
    );
  });
}
