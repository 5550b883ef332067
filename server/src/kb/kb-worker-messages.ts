/** What the knowledge-base worker is asked and what it posts back (structured clone: plain data only). */
import type { Calibration, KnowledgeBase, PreparedMatcher } from '@kefu/knowledge-base';

export interface KbWorkerRequest {
  /** Echoed in the answers: several loads may be queued. */
  id: number;
  /** The content folder to load. */
  dir: string;
  /** The calibration of the matcher being served: a reload keeps its bar unless the new content clearly needs another. */
  previous?: Calibration;
}

/**
 * Per request: `loaded` as soon as the folder parsed (the serving thread readies its segmenters meanwhile), then
 * `prepared` with the index and calibration, or `error` instead of either.
 */
export type KbWorkerAnswer =
  | { id: number; loaded: KnowledgeBase }
  | { id: number; prepared: PreparedMatcher }
  | { id: number; error: string };
