/** What the knowledge-base worker is asked and what it posts back (structured clone: plain data only). */
import type { Calibration, KnowledgeBase, PreparedMatcher, SharedJiebaWords, SharedWordVectors } from '@kefu/knowledge-base';

export interface KbWorkerRequest {
  /** Echoed in the answers: several loads may be queued. */
  id: number;
  /** The content folder to load. */
  dir: string;
  /** The calibration of the matcher being served: a reload keeps its bar unless the new content clearly needs another. */
  previous?: Calibration;
  /** `matchingFingerprint` of the knowledge base being served: new content with the same one keeps `previous` as it is. */
  served?: string;
}

/**
 * Per request: `loaded` as soon as the folder parsed, with its `matchingFingerprint` (the serving thread readies its
 * segmenters meanwhile, and keeps the fingerprint for the next request's `served`), then
 * `prepared` with the index and calibration, or `error` instead of either. A reload whose fit has to run first posts
 * `provisional`: the new index at the served bar, to serve during the seconds the fit takes.
 */
export type KbWorkerAnswer =
  | { id: number; loaded: KnowledgeBase; matching: string }
  | { id: number; provisional: PreparedMatcher }
  | { id: number; prepared: PreparedMatcher }
  | { id: number; error: string };

/**
 * The word vectors and jieba's word list are read once per process. A worker started without them (`KbWorkerData`)
 * reads them before its first job and posts them at once, ahead of any answer; the serving thread takes them instead
 * of reading the files. Both are in shared memory: posting copies nothing.
 */
export interface KbWorkerTables {
  tables: SharedTables;
}

export interface SharedTables {
  vectors?: SharedWordVectors;
  words?: SharedJiebaWords;
}

/** Given to a new worker: the serving thread's tables, those it has. */
export type KbWorkerData = SharedTables;
