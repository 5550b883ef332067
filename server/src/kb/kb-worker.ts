/**
 * Worker thread: loads knowledge-base folders and prepares their matchers (index and calibration), posting each as
 * plain data. Seconds of parsing, indexing and calibrating happen here, never on the serving thread.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { adoptJiebaWords, adoptWordVectors, loadKnowledgeBase, matchingFingerprint, prepareMatcher, semanticLayerInfo, shareJiebaWords, shareWordVectors, thesaurusSwitchedOff, type KnowledgeBase, type PreparedMatcher } from '@kefu/knowledge-base';
import { calibrationKey, readCachedCalibration, writeCachedCalibration } from './calibration-cache.ts';
import type { KbWorkerAnswer, KbWorkerData, KbWorkerRequest, KbWorkerTables, SharedTables } from './kb-worker-messages.ts';

/** This worker's own code (it always runs bundled): a fit made by other code is never reused. */
const CODE = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');

/**
 * The index and its fit: from the cache when this content, starting bar and code were fitted before; the served bar
 * as it is when only answers changed; otherwise fitted here, after `provisional` has been given the new index at
 * the served bar (a reload is served in about a second, the fit confirms or moves the bar a few seconds later).
 */
function prepare(kb: KnowledgeBase, matching: string, { previous, served }: KbWorkerRequest, provisional: (p: PreparedMatcher) => void): PreparedMatcher {
  // The index starts from the served word weights, as a fit (cached or not) does.
  const from = previous ? { previous } : {};
  if (previous && served === matching) return prepareMatcher(kb, { ...from, calibrate: 'keep' });
  const layer = semanticLayerInfo();
  const key = calibrationKey(kb, previous, CODE, `${layer ? `${layer.file}:${layer.fileBytes} ${layer.english ? `${layer.english.file}:${layer.english.fileBytes}` : 'no english'}` : 'off'} thesaurus:${thesaurusSwitchedOff() ? 'off' : 'on'}`);
  const cached = readCachedCalibration(key);
  if (cached) return { ...prepareMatcher(kb, { ...from, calibrate: false }), calibration: cached };
  const prepared = prepareMatcher(kb, from, provisional);
  writeCachedCalibration(key, prepared.calibration);
  return prepared;
}

async function run(request: KbWorkerRequest, post: (answer: KbWorkerAnswer) => void): Promise<void> {
  const { id, dir } = request;
  try {
    const kb = await loadKnowledgeBase(dir);
    const matching = matchingFingerprint(kb);
    post({ id, loaded: kb, matching });
    post({ id, prepared: prepare(kb, matching, request, (p) => post({ id, provisional: p })) });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
}

if (parentPort) {
  const port = parentPort;
  const given: KbWorkerData = (workerData as KbWorkerData | null) ?? {};
  if (given.vectors) adoptWordVectors(given.vectors);
  if (given.words) adoptJiebaWords(given.words);
  const tables: SharedTables = {
    ...(given.vectors || !semanticLayerInfo() ? {} : { vectors: shareWordVectors()! }),
    ...(given.words ? {} : { words: shareJiebaWords({ read: true })! }),
  };
  if (tables.vectors || tables.words) port.postMessage({ tables } satisfies KbWorkerTables);
  const post = (answer: KbWorkerAnswer): void => port.postMessage(answer);
  // One job at a time, in order: each build is synchronous once its files are read.
  let queue = Promise.resolve();
  port.on('message', (request: KbWorkerRequest) => {
    queue = queue.then(() => run(request, post));
  });
}
