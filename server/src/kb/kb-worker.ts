/**
 * Worker thread: loads knowledge-base folders and prepares their matchers (index and calibration), posting each as
 * plain data. Seconds of parsing, indexing and calibrating happen here, never on the serving thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadKnowledgeBase, prepareMatcher } from '@kefu/knowledge-base';
import type { KbWorkerAnswer, KbWorkerOutput, KbWorkerRequest } from './kb-worker-messages.ts';

async function run(dir: string): Promise<KbWorkerOutput> {
  try {
    const kb = await loadKnowledgeBase(dir);
    return { ok: true, kb, prepared: prepareMatcher(kb) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

if (parentPort) {
  const port = parentPort;
  // One job at a time, in order: each build is synchronous once its files are read.
  let queue = Promise.resolve();
  port.on('message', ({ id, dir }: KbWorkerRequest) => {
    queue = queue.then(async () => port.postMessage({ id, out: await run(dir) } satisfies KbWorkerAnswer));
  });
}
