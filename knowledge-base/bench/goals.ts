/**
 * The goals of the matcher (issue "the bot understands what visitors mean") as the first table of the report, read
 * from the sections computed in the same run: Kefu's value, the goal, whether it is met, and the best peer's value
 * with its development cut-off and with its oracle cut-off.
 */
import type { DatasetResult } from './dataset-bench.ts';
import type { LatencyRow } from './latency-bench.ts';
import type { Metrics } from './metrics.ts';
import { bestFactPeer, type SeedFactResult } from './seed-facts-bench.ts';
import { markdownTable, ms, share } from './table.ts';

/** A target on one number: at least (`min`) or at most (`max`) `value`. */
export interface Goal {
  /** What is measured, as the row reads. */
  label: string;
  bound: 'min' | 'max';
  value: number;
  /** How the number is measured and printed. */
  measure:
    | { kind: 'dataset'; dataset: string; metric: 'top1' | 'accuracy' }
    | { kind: 'seed-facts' }
    | { kind: 'p99'; entries: number };
}

/** The goal table of the issue, in its order. */
export const GOALS: Goal[] = [
  { label: 'low-overlap held-out: top-1', bound: 'min', value: 0.85, measure: { kind: 'dataset', dataset: 'low-overlap-heldout', metric: 'top1' } },
  { label: 'low-overlap held-out: accuracy', bound: 'min', value: 0.8, measure: { kind: 'dataset', dataset: 'low-overlap-heldout', metric: 'accuracy' } },
  { label: 'seed-fact paraphrases: answered with the fact', bound: 'min', value: 0.95, measure: { kind: 'seed-facts' } },
  { label: 'banking77: accuracy', bound: 'min', value: 0.75, measure: { kind: 'dataset', dataset: 'banking77', metric: 'accuracy' } },
  { label: 'clinc150: accuracy', bound: 'min', value: 0.8, measure: { kind: 'dataset', dataset: 'clinc150', metric: 'accuracy' } },
  { label: 'xsid-zh: accuracy', bound: 'min', value: 0.82, measure: { kind: 'dataset', dataset: 'xsid-zh', metric: 'accuracy' } },
  { label: 'demo held-out: accuracy', bound: 'min', value: 0.9, measure: { kind: 'dataset', dataset: 'demo', metric: 'accuracy' } },
  { label: 'p99 per query at 10k entries (ms)', bound: 'max', value: 1, measure: { kind: 'p99', entries: 10000 } },
];

/** What the run produced that the goals read. */
export interface GoalInputs {
  datasets: DatasetResult[];
  seedFacts: SeedFactResult | null;
  latency: LatencyRow[];
}

/** One goal's row: Kefu's value (undefined when the run did not measure it) and the best peers'. */
export interface GoalRow {
  goal: Goal;
  kefu: number | undefined;
  met: boolean | undefined;
  peerDev: { name: string; value: number } | undefined;
  peerOracle: { name: string; value: number } | undefined;
  /** Why there is no value (the set or size was not part of this run). */
  missing?: string;
}

/** Reads every goal's numbers from the run's results. */
export function evaluateGoals(inputs: GoalInputs, goals: Goal[] = GOALS): GoalRow[] {
  return goals.map((goal): GoalRow => {
    const m = goal.measure;
    let kefu: number | undefined;
    let peerDev: GoalRow['peerDev'];
    let peerOracle: GoalRow['peerOracle'];
    let missing: string | undefined;
    if (m.kind === 'dataset') {
      const result = inputs.datasets.find((d) => d.dataset === m.dataset);
      if (result === undefined) missing = `${m.dataset} not in this run`;
      else {
        const pick = (metrics: Metrics): number => metrics[m.metric];
        const own = result.rows.find((r) => r.role === 'kefu');
        kefu = own === undefined ? undefined : pick(own.metrics);
        const peers = result.rows.filter((r) => r.role === 'peer');
        peerOracle = bestOf(peers.map((p) => ({ name: p.name, value: pick(p.metrics) })), 'min');
        peerDev = bestOf(peers.flatMap((p) => (p.dev !== undefined && !('failed' in p.dev) ? [{ name: p.name, value: pick(p.dev.metrics) }] : [])), 'min');
      }
    } else if (m.kind === 'seed-facts') {
      if (inputs.seedFacts === null) missing = 'seed-facts not in this run';
      else {
        kefu = inputs.seedFacts.rows.find((r) => r.role === 'kefu')?.score?.withFact;
        peerDev = bestFactPeer(inputs.seedFacts, 'dev');
        peerOracle = bestFactPeer(inputs.seedFacts, 'oracle');
      }
    } else {
      const atSize = inputs.latency.filter((r) => r.size === m.entries && r.skipped === undefined);
      if (atSize.length === 0) missing = `no synthetic run at ${m.entries} entries (--sizes)`;
      else {
        kefu = atSize.find((r) => r.name === 'Kefu')?.p99;
        // p99 does not depend on a cut-off: the fastest peer fills both columns.
        peerOracle = bestOf(atSize.filter((r) => r.name !== 'Kefu').map((r) => ({ name: r.name, value: r.p99 })), 'max');
        peerDev = peerOracle;
      }
    }
    const met = kefu === undefined || !Number.isFinite(kefu) ? undefined : goal.bound === 'min' ? kefu >= goal.value : kefu <= goal.value;
    return { goal, kefu, met, peerDev, peerOracle, ...(missing ? { missing } : {}) };
  });
}

/** The goal table: one row per goal, then why a goal has no value in this run. */
export function goalsTable(rows: GoalRow[]): string {
  const missing = rows.flatMap((r) => (r.missing === undefined ? [] : [r.missing]));
  const notes = missing.length === 0 ? '' : `\n\nNot run: ${[...new Set(missing)].join('; ')}.`;
  return goalsGrid(rows) + notes;
}

function goalsGrid(rows: GoalRow[]): string {
  const value = (goal: Goal, x: number): string => (goal.measure.kind === 'p99' ? ms(x) : share(x));
  const peer = (goal: Goal, p: { name: string; value: number } | undefined): string => (p === undefined ? '—' : `${value(goal, p.value)} (${p.name})`);
  return markdownTable(
    ['measure', 'Kefu today', 'goal', 'met?', 'best peer (dev-chosen cut-off)', 'best peer (oracle cut-off)'],
    rows.map((r) => [
      r.goal.label,
      r.kefu === undefined ? (r.missing === undefined ? '—' : 'not run') : value(r.goal, r.kefu),
      `${r.goal.bound === 'min' ? '≥' : '≤'} ${value(r.goal, r.goal.value)}`,
      r.met === undefined ? '—' : r.met ? 'yes' : 'no',
      peer(r.goal, r.peerDev),
      peer(r.goal, r.peerOracle),
    ]),
    ['left', 'right', 'right', 'left', 'right', 'right'],
  );
}

/** The best of the values: the highest when the goal is a minimum, the lowest when it is a maximum (latency). */
function bestOf(values: Array<{ name: string; value: number }>, bound: 'min' | 'max'): { name: string; value: number } | undefined {
  let best: { name: string; value: number } | undefined;
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    if (best === undefined || (bound === 'min' ? v.value > best.value : v.value < best.value)) best = v;
  }
  return best;
}
