/** What the knowledge-base worker is given and what it posts back (structured clone: plain data only). */
import type { KnowledgeBase, PreparedMatcher } from '@kefu/knowledge-base';

export interface KbWorkerInput {
  /** The content folder to load. */
  dir: string;
}

export type KbWorkerOutput = { ok: true; kb: KnowledgeBase; prepared: PreparedMatcher } | { ok: false; message: string };
