/** Runs Kefu and the peers on one dataset and tabulates their metrics. */
import { performance } from 'node:perf_hooks';
import type { KnowledgeBase } from '@kefu/knowledge-base';
import type { EngineFactory } from './engine.ts';
import type { BenchDataset } from './datasets.ts';
import { chooseDevThreshold, type DevChoice } from './dev-threshold.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { runEngine, type EngineRun } from './run-engine.ts';
import { delta, markdownTable, ms, share } from './table.ts';

/** An engine in the comparison; peers have no decision of their own and get the best threshold. */
export interface EngineSpec {
  factory: EngineFactory;
  role: 'kefu' | 'peer';
}

/** One table row. */
export interface EngineRow {
  name: string;
  role: 'kefu' | 'kefu-swept' | 'peer';
  metrics: Metrics;
  buildMs: number;
  /** Every k-th query was asked (1 = all), when the engine was too slow for the budget. */
  stride: number;
  /** Peers: the cut-off chosen on the FAQ's development folds and the test metrics under it (or why it failed). */
  dev?: { choice: DevChoice; metrics: Metrics } | { failed: string };
}

/** All engines on one dataset. */
export interface DatasetResult {
  dataset: string;
  rows: EngineRow[];
  /** Engines that failed, with the reason. */
  failures: Array<{ name: string; reason: string }>;
  /** Wall time spent choosing the peers' development cut-offs. */
  devWallMs: number;
}

/** Time budgets of one dataset, in ms. */
export interface DatasetBudgets {
  /** Test queries per engine; a slower engine is scored on an evenly spaced sample. */
  queryMs?: number;
  /** Development queries per peer over all folds, sampled the same way. */
  devMs?: number;
  /** Cut-offs already chosen on the same knowledge base (sets sharing a FAQ choose once); filled as peers choose. */
  devChoices?: DevChoices;
}

/** A peer's development cut-off, or why choosing it failed. */
export type DevOutcome = { choice: DevChoice } | { failed: string };

/** Development cut-offs per knowledge base (by identity) and engine name. */
export type DevChoices = WeakMap<KnowledgeBase, Map<string, DevOutcome>>;

/**
 * The peer's cut-off chosen on development folds of `kb` (`chooseDevThreshold`), taken from `budgets.devChoices` when
 * this knowledge base already had one chosen in this run; `wallMs` is the time spent choosing now (0 when reused).
 */
export async function devChoiceFor(factory: EngineFactory, name: string, kb: KnowledgeBase, budgets: DatasetBudgets = {}): Promise<{ outcome: DevOutcome; wallMs: number }> {
  const known = budgets.devChoices?.get(kb)?.get(name);
  if (known !== undefined) return { outcome: known, wallMs: 0 };
  const started = performance.now();
  let outcome: DevOutcome;
  try {
    outcome = { choice: await chooseDevThreshold(factory, kb, budgets.devMs === undefined ? {} : { budgetMs: budgets.devMs }) };
  } catch (err) {
    outcome = { failed: (err as Error).message };
  }
  if (budgets.devChoices !== undefined) {
    const perKb = budgets.devChoices.get(kb) ?? new Map<string, DevOutcome>();
    perKb.set(name, outcome);
    budgets.devChoices.set(kb, perKb);
  }
  return { outcome, wallMs: performance.now() - started };
}

/**
 * Each engine, built fresh, on every query. Kefu is scored with its own decision, and once more
 * with the best threshold on its top score (for reference: what perfect calibration would give);
 * each peer with its best threshold for this dataset's test queries, and again with the cut-off
 * chosen on development folds of the dataset's FAQ (`chooseDevThreshold`: the test queries are
 * not passed to it; a choice already made on the same knowledge base in `budgets.devChoices` is reused).
 */
export async function benchDataset(dataset: BenchDataset, specs: EngineSpec[], budgets: DatasetBudgets = {}): Promise<DatasetResult> {
  const budgetMs = budgets.queryMs;
  const rows: EngineRow[] = [];
  const failures: DatasetResult['failures'] = [];
  let devWallMs = 0;
  for (const spec of specs) {
    let run: EngineRun;
    try {
      run = await runEngine(spec.factory, dataset.corpus, dataset.queries, budgetMs === undefined ? {} : { budgetMs });
    } catch (err) {
      failures.push({ name: spec.factory().name, reason: (err as Error).message });
      continue;
    }
    if (spec.role === 'kefu') {
      rows.push({ name: run.name, role: 'kefu', metrics: computeMetrics(run.outcomes, { kind: 'own' }), buildMs: run.buildMs, stride: run.stride });
      rows.push({ name: `${run.name} (best threshold, ref.)`, role: 'kefu-swept', metrics: computeMetrics(run.outcomes, { kind: 'best' }), buildMs: run.buildMs, stride: run.stride });
    } else {
      const { outcome, wallMs } = await devChoiceFor(spec.factory, run.name, dataset.corpus.kb, budgets);
      devWallMs += wallMs;
      const dev: EngineRow['dev'] =
        'failed' in outcome ? outcome : { choice: outcome.choice, metrics: computeMetrics(run.outcomes, { kind: 'threshold', threshold: outcome.choice.threshold }) };
      rows.push({ name: run.name, role: 'peer', metrics: computeMetrics(run.outcomes, { kind: 'best' }), buildMs: run.buildMs, stride: run.stride, dev });
    }
  }
  return { dataset: dataset.name, rows, failures, devWallMs };
}

/** The dataset's table: one row per engine. */
export function datasetTable(result: DatasetResult): string {
  const headers = ['engine', 'queries', 'top1', 'mrr5', 'ood_rejection', 'accuracy', 'threshold', 'p50 ms', 'p99 ms', 'build ms'];
  const rows = result.rows.map((r) => [
    r.name,
    r.stride > 1 ? `${r.metrics.n} (1 in ${r.stride})` : String(r.metrics.n),
    share(r.metrics.top1),
    share(r.metrics.mrr5),
    share(r.metrics.ood_rejection),
    share(r.metrics.accuracy),
    thresholdText(r.metrics.threshold),
    ms(r.metrics.p50_ms),
    ms(r.metrics.p99_ms),
    ms(r.buildMs),
  ]);
  for (const f of result.failures) rows.push([f.name, 'failed', '', '', '', '', '', '', '', f.reason]);
  return markdownTable(headers, rows);
}

/**
 * Peers with the cut-off chosen on development folds next to the oracle one (tuned on the test queries);
 * Kefu's own decision first for reference.
 */
export function devTable(result: DatasetResult): string {
  const headers = ['engine', 'dev queries', 'dev threshold', 'dev objective', 'ood_rejection', 'accuracy (dev thr.)', 'accuracy (oracle thr.)', 'Δ dev − oracle'];
  const rows: string[][] = [];
  for (const r of result.rows) {
    if (r.role === 'kefu') {
      rows.push([r.name, '—', 'own', '—', share(r.metrics.ood_rejection), share(r.metrics.accuracy), '—', '—']);
      continue;
    }
    if (r.role !== 'peer' || r.dev === undefined) continue;
    if ('failed' in r.dev) {
      rows.push([r.name, 'failed', '', '', '', '', share(r.metrics.accuracy), r.dev.failed]);
      continue;
    }
    const { choice, metrics } = r.dev;
    rows.push([
      r.name,
      choice.stride > 1 ? `${choice.queries} (1 in ${choice.stride})` : String(choice.queries),
      thresholdText(choice.threshold),
      share(choice.objective),
      share(metrics.ood_rejection),
      share(metrics.accuracy),
      share(r.metrics.accuracy),
      delta(metrics.accuracy - r.metrics.accuracy),
    ]);
  }
  return markdownTable(headers, rows);
}

/** "own" for Kefu's decision, "none" when declining everything is best, else the score cut-off. */
export function thresholdText(threshold: number | null): string {
  if (threshold === null) return 'own';
  if (threshold === Infinity) return 'decline all';
  if (threshold === -Infinity) return 'answer all';
  return Math.abs(threshold) >= 100 ? threshold.toFixed(0) : threshold.toPrecision(3);
}
