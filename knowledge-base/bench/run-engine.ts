/** Builds one engine on a corpus and asks it every query, timing both (and the heap the index takes). */
import { performance } from 'node:perf_hooks';
import type { BenchQuery, Corpus, Engine, EngineFactory } from './engine.ts';
import { settledHeap } from './heap.ts';
import type { Outcome } from './metrics.ts';

/** One engine on one corpus. */
export interface EngineRun {
  name: string;
  buildMs: number;
  /** Every k-th query was asked (1 = all). */
  stride: number;
  /** JS heap growth from building the index, in bytes (null when not measured). */
  heapBytes: number | null;
  outcomes: Outcome[];
}

/** Options of a run. */
export interface RunOptions {
  /** Collect garbage around the build and report the heap it kept. */
  measureHeap?: boolean;
  /**
   * Query-time budget in ms: when the first `probe` queries show that all of them would take
   * longer, the engine is asked an evenly spaced sample (every k-th query) that fits instead.
   */
  budgetMs?: number;
  probe?: number;
  /**
   * Asked once, untimed, right after the build: a server answers many queries per index, so the
   * timed pass measures the steady state rather than the JIT compiling a freshly built index.
   * Stops early after a tenth of `budgetMs`, so a slow engine is not held up.
   */
  warmUp?: BenchQuery[];
}

/** Builds a fresh engine from `factory` and ranks each query, one at a time. */
export async function runEngine(factory: EngineFactory, corpus: Corpus, queries: BenchQuery[], options: RunOptions = {}): Promise<EngineRun> {
  const engine = factory();
  const before = options.measureHeap ? await settledHeap() : 0;
  const start = performance.now();
  await engine.build(corpus);
  const buildMs = performance.now() - start;
  const heapBytes = options.measureHeap ? (await settledHeap()) - before : null;
  const warmUntil = performance.now() + (options.budgetMs ?? Infinity) / 10;
  for (const query of options.warmUp ?? []) {
    if (performance.now() > warmUntil) break;
    await engine.rank(query.q);
  }
  const outcomes: Outcome[] = [];
  const probe = options.probe ?? 50;
  const budget = options.budgetMs;
  let stride = 1;
  let probing = budget !== undefined;
  let spent = 0;
  for (let i = 0; i < queries.length; i += 1) {
    // The probe ends after `probe` queries, or earlier when they already ate a tenth of the budget.
    if (probing && budget !== undefined && (i >= probe || spent > budget / 10)) {
      probing = false;
      stride = Math.max(1, Math.ceil(((spent / i) * queries.length) / budget));
      // Keep the sample evenly spaced: drop the probe queries that are off the stride.
      if (stride > 1) outcomes.splice(0, outcomes.length, ...outcomes.filter((_, j) => j % stride === 0));
    }
    if (i % stride !== 0) continue;
    const query = queries[i];
    if (query === undefined) continue;
    const t0 = performance.now();
    const ranking = await engine.rank(query.q);
    const elapsed = performance.now() - t0;
    spent += elapsed;
    outcomes.push({ expected: query.id, ranking, ms: elapsed });
  }
  return { name: engine.name, buildMs, heapBytes, outcomes, stride };
}

/** Builds and queries once on a tiny corpus, so dictionaries and JIT warm-up do not land in the first measurement. */
export async function warmUp(factory: EngineFactory, corpus: Corpus, queries: BenchQuery[]): Promise<void> {
  const engine: Engine = factory();
  await engine.build(corpus);
  for (const query of queries) await engine.rank(query.q);
}
