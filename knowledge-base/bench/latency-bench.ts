/** Build time, query latency and heap of each engine on synthetic knowledge bases of growing size. */
import { corpusFromEntries } from './corpus.ts';
import type { EngineSpec } from './dataset-bench.ts';
import { computeMetrics } from './metrics.ts';
import { runEngine } from './run-engine.ts';
import { generateSynthetic } from './synthetic.ts';
import { markdownTable, mib, ms, share } from './table.ts';

/** One engine at one size, or why it was not run. */
export interface LatencyRow {
  size: number;
  name: string;
  queries: number;
  buildMs: number;
  p50: number;
  p99: number;
  heapBytes: number | null;
  top1: number;
  skipped?: string;
}

/** Untimed queries each engine answers after its build, before the timed ones (the same for every engine). */
const WARM_UP_QUERIES = 300;

/** How far to go. */
export interface LatencyOptions {
  sizes: number[];
  queries: number;
  /** Time allowed for one engine's queries at one size; slow engines answer an evenly spaced sample (see the queries column). */
  budgetMs: number;
  /** Per-engine cap on entries (e.g. nlp.js training grows too slow); larger sizes are skipped. */
  maxEntries: Map<string, { max: number; reason: string }>;
}

/** Every engine at every size on the same seeded synthetic data. */
export async function benchLatency(specs: EngineSpec[], options: LatencyOptions): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  const lastBuild = new Map<string, { size: number; ms: number }>();
  for (const size of options.sizes) {
    // The first WARM_UP_QUERIES are only for warming each engine up; the rest are timed.
    const data = generateSynthetic(size, options.queries + WARM_UP_QUERIES);
    const warmUp = data.queries.slice(0, WARM_UP_QUERIES);
    const timed = data.queries.slice(WARM_UP_QUERIES);
    const corpus = corpusFromEntries(data.entries);
    for (const spec of specs) {
      const name = spec.factory().name;
      const cap = options.maxEntries.get(name);
      if (cap && size > cap.max) {
        const seen = lastBuild.get(name);
        const reason = seen ? `${cap.reason}; its build took ${(seen.ms / 1000).toFixed(1)} s at ${seen.size} entries` : cap.reason;
        rows.push({ size, name, queries: 0, buildMs: Number.NaN, p50: Number.NaN, p99: Number.NaN, heapBytes: null, top1: Number.NaN, skipped: reason });
        continue;
      }
      const run = await runEngine(spec.factory, corpus, timed, { measureHeap: true, budgetMs: options.budgetMs, warmUp });
      lastBuild.set(name, { size, ms: run.buildMs });
      const m = computeMetrics(run.outcomes, spec.role === 'kefu' ? { kind: 'own' } : { kind: 'best' });
      rows.push({ size, name, queries: m.n, buildMs: run.buildMs, p50: m.p50_ms, p99: m.p99_ms, heapBytes: run.heapBytes, top1: m.top1 });
    }
  }
  return rows;
}

/** One row per engine and size, then a note for each engine that was not run. */
export function latencyTable(rows: LatencyRow[]): string {
  const table = markdownTable(
    ['entries', 'engine', 'queries', 'build ms', 'p50 ms', 'p99 ms', 'heap MiB', 'top1'],
    rows.map((r) =>
      r.skipped
        ? [String(r.size), r.name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']
        : [String(r.size), r.name, String(r.queries), ms(r.buildMs), ms(r.p50), ms(r.p99), mib(r.heapBytes), share(r.top1)],
    ),
  );
  const notes = [...new Set(rows.filter((r) => r.skipped).map((r) => `n/a: ${r.name} at ${r.size} entries: ${r.skipped}`))];
  return [table, ...notes.map((n) => `\n${n}`)].join('\n');
}
