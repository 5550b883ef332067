/** What the knowledge-base worker is asked and what it posts back (structured clone: plain data only). */
import type { KnowledgeBase, PreparedMatcher } from '@kefu/knowledge-base';

export interface KbWorkerRequest {
  /** Echoed in the answer: several loads may be queued. */
  id: number;
  /** The content folder to load. */
  dir: string;
}

export type KbWorkerOutput = { ok: true; kb: KnowledgeBase; prepared: PreparedMatcher } | { ok: false; message: string };

export interface KbWorkerAnswer {
  id: number;
  out: KbWorkerOutput;
}
