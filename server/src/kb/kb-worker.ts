/**
 * Worker thread: loads one knowledge-base folder and prepares its matcher (index and calibration), then posts both
 * as plain data and ends. Seconds of parsing, indexing and calibrating happen here, never on the serving thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase, prepareMatcher } from '@kefu/knowledge-base';
import type { KbWorkerInput, KbWorkerOutput } from './kb-worker-messages.ts';

async function run({ dir }: KbWorkerInput): Promise<KbWorkerOutput> {
  try {
    const kb = await loadKnowledgeBase(dir);
    return { ok: true, kb, prepared: prepareMatcher(kb) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as KbWorkerInput).then((out) => port.postMessage(out));
}
