/**
 * Worker thread: loads knowledge-base folders and prepares their matchers (index and calibration), posting each as
 * plain data. Seconds of parsing, indexing and calibrating happen here, never on the serving thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadKnowledgeBase, prepareMatcher } from '@kefu/knowledge-base';
import type { KbWorkerAnswer, KbWorkerRequest } from './kb-worker-messages.ts';

async function run({ id, dir, previous }: KbWorkerRequest, post: (answer: KbWorkerAnswer) => void): Promise<void> {
  try {
    const kb = await loadKnowledgeBase(dir);
    post({ id, loaded: kb });
    post({ id, prepared: prepareMatcher(kb, previous ? { previous } : {}) });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (answer: KbWorkerAnswer): void => port.postMessage(answer);
  // One job at a time, in order: each build is synchronous once its files are read.
  let queue = Promise.resolve();
  port.on('message', (request: KbWorkerRequest) => {
    queue = queue.then(() => run(request, post));
  });
}
