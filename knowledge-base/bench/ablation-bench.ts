/** Kefu's accuracy per dataset with one component switched off or another Chinese tokenizer. */
import type { MatcherOptions } from '@kefu/knowledge-base';
import type { BenchDataset } from './datasets.ts';
import { createKefuEngine } from './kefu-engine.ts';
import { computeMetrics } from './metrics.ts';
import { runEngine } from './run-engine.ts';
import { delta, markdownTable, share } from './table.ts';

/** A configuration to compare with the shipped one. */
export interface Variant {
  label: string;
  options: MatcherOptions;
}

/** The shipped configuration first, then one change each. */
export const VARIANTS: Variant[] = [
  { label: 'shipped: tokenizer combined, all on', options: {} },
  { label: 'tokenizer: jieba', options: { tokenizer: 'jieba' } },
  { label: 'tokenizer: segmenter', options: { tokenizer: 'segmenter' } },
  { label: 'tokenizer: bigram', options: { tokenizer: 'bigram' } },
  { label: 'fuzzy off', options: { fuzzy: false } },
  { label: 'synonyms off', options: { synonyms: false } },
  { label: 'service thesaurus off', options: { thesaurus: false } },
  { label: 'normalisation off', options: { normalise: false } },
  { label: 'semantic layer off', options: { semantic: false } },
  { label: 'off-topic words off', options: { offTopic: false } },
  { label: 'calibration off (base thresholds)', options: { calibrate: false } },
];

/** accuracy[variant][dataset], in the order of `variants` and `datasets`. */
export interface AblationResult {
  datasets: string[];
  variants: string[];
  accuracy: number[][];
  top1: number[][];
}

/** Runs every variant on every dataset with Kefu's own decision. */
export async function benchAblation(datasets: BenchDataset[], variants: Variant[] = VARIANTS): Promise<AblationResult> {
  const accuracy: number[][] = [];
  const top1: number[][] = [];
  for (const variant of variants) {
    const acc: number[] = [];
    const t1: number[] = [];
    for (const dataset of datasets) {
      const run = await runEngine(() => createKefuEngine(variant.options, variant.label), dataset.corpus, dataset.queries);
      const m = computeMetrics(run.outcomes, { kind: 'own' });
      acc.push(m.accuracy);
      t1.push(m.top1);
    }
    accuracy.push(acc);
    top1.push(t1);
  }
  return { datasets: datasets.map((d) => d.name), variants: variants.map((v) => v.label), accuracy, top1 };
}

/** Cells "accuracy (Δ vs shipped)"; a second figure per cell is top1. */
export function ablationTable(result: AblationResult): string {
  const base = result.accuracy[0] ?? [];
  const rows = result.variants.map((label, v) =>
    [label, ...result.datasets.map((_, d) => {
      const acc = result.accuracy[v]?.[d] ?? Number.NaN;
      const t1 = result.top1[v]?.[d] ?? Number.NaN;
      const diff = v === 0 ? '' : ` (${delta(acc - (base[d] ?? Number.NaN))})`;
      return `${share(acc)}${diff} / ${share(t1)}`;
    })],
  );
  return markdownTable(['Kefu variant', ...result.datasets.map((d) => `${d} acc (Δ) / top1`)], rows);
}
