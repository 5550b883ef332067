/** The one interface every benchmarked matcher implements, Kefu and its peers alike. */
import type { KnowledgeBase } from '@kefu/knowledge-base';

/** An FAQ entry as the bench sees it: only the phrasings, never the answer text. */
export interface BenchEntry {
  id: string;
  question: string;
  alternates: string[];
}

/** What an engine is built from: the phrasings for peers, the same content as a knowledge base for Kefu. */
export interface Corpus {
  entries: BenchEntry[];
  /** Answers blanked, so that no engine can match on answer text. */
  kb: KnowledgeBase;
}

/** A held-out query; `id` null means out of scope (the engine should decline). */
export interface BenchQuery {
  q: string;
  id: string | null;
}

/** One ranked candidate; a higher score means more confident, on the engine's own scale. */
export interface Scored {
  id: string;
  score: number;
}

/** What an engine says about one query. */
export interface Ranking {
  /** Best first, at most 5. */
  candidates: Scored[];
  /**
   * The entry the engine itself would answer with (null = declines), for engines that decide
   * on their own. Engines without it get a threshold on the best score, swept by the bench.
   */
  answer?: string | null;
}

/** A matcher under test: built once from the entries, then asked each query. */
export interface Engine {
  readonly name: string;
  build(corpus: Corpus): Promise<void>;
  rank(query: string): Ranking | Promise<Ranking>;
}

/** Creates a fresh engine, so each measurement builds from nothing. */
export type EngineFactory = () => Engine;

/** Keeps the best-scoring candidate per entry id and returns the top `limit`, best first. */
export function topPerEntry(scored: Iterable<Scored>, limit = 5): Scored[] {
  const best = new Map<string, number>();
  for (const { id, score } of scored) {
    const seen = best.get(id);
    if (seen === undefined || score > seen) best.set(id, score);
  }
  return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score).slice(0, limit);
}
