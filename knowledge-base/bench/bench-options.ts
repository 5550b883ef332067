/** Command-line flags of `pnpm bench`, with the full and the --quick defaults. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Everything a bench run can vary. */
export interface BenchOptions {
  /** Folder holding the shared datasets (one sub-folder each). */
  datasetsDir: string;
  /**
   * Dataset folder names, plus the demo knowledge base's sets: `demo` (its held-out queries), `low-overlap-heldout`
   * and `seed-facts` (`../eval`; the development parts are never scored).
   */
  datasets: string[];
  /** Use at most this many queries per dataset (the first ones, the files being shuffled; the demo sets' evenly spaced ones). */
  maxQueries: number | null;
  /** Seconds of query time one engine may take on one dataset before it is scored on an evenly spaced sample. */
  queryBudgetS: number;
  /** Seconds of development-query time one peer may take over the folds of one dataset before they are sampled. */
  devBudgetS: number;
  /** Synthetic knowledge-base sizes of the latency table (empty: no latency table). */
  sizes: number[];
  latencyQueries: number;
  /** Seconds one engine may spend on its latency queries at one size before it stops early. */
  latencyBudgetS: number;
  /** nlp.js trains a neural classifier per run; above this many entries it is reported n/a. */
  nlpjsMaxEntries: number;
  ablation: boolean;
  /** Random single-entry edits per dataset for the edit-stability table (0: none). */
  edits: number;
  /** Where the Markdown report goes. */
  out: string;
}

/** The datasets of shared/datasets/README.md, beside the repository. */
export const DEFAULT_DATASETS_DIR = fileURLToPath(new URL('../../../shared/datasets', import.meta.url));
/** The committed report of the full run. */
export const DEFAULT_REPORT = fileURLToPath(new URL('./REPORT.md', import.meta.url));
const ALL = ['banking77', 'clinc150', 'xsid-zh', 'xsid-zh-heldout-oos', 'demo', 'low-overlap-heldout', 'seed-facts'];

export const USAGE = `Usage: pnpm bench [--quick] [--datasets a,b,…] [--datasets-dir DIR] [--max-queries N] [--query-budget SECONDS]
                  [--dev-budget SECONDS] [--sizes 1000,10000] [--latency-queries N] [--latency-budget SECONDS]
                  [--nlpjs-max-entries N] [--no-ablation] [--edits N] [--out FILE]
  --quick   a fast smoke run: 200 queries per dataset, sizes 200 and 1000, report in ${join(tmpdir(), 'kefu-bench-quick.md')}`;

/** Parses `argv` (without node and script); throws with a message on an unknown flag or a bad number. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      datasets: { type: 'string' },
      'datasets-dir': { type: 'string' },
      'max-queries': { type: 'string' },
      'query-budget': { type: 'string' },
      'dev-budget': { type: 'string' },
      sizes: { type: 'string' },
      'latency-queries': { type: 'string' },
      'nlpjs-max-entries': { type: 'string' },
      'latency-budget': { type: 'string' },
      'no-ablation': { type: 'boolean', default: false },
      edits: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick === true;
  return {
    datasetsDir: values['datasets-dir'] ?? DEFAULT_DATASETS_DIR,
    datasets: values.datasets ? list(values.datasets) : ALL,
    maxQueries: values['max-queries'] ? count(values['max-queries'], 'max-queries') : quick ? 200 : null,
    queryBudgetS: values['query-budget'] ? count(values['query-budget'], 'query-budget') : quick ? 5 : 40,
    devBudgetS: values['dev-budget'] ? count(values['dev-budget'], 'dev-budget') : quick ? 2 : 10,
    sizes: values.sizes !== undefined ? list(values.sizes).map((s) => count(s, 'sizes')) : quick ? [200, 1000] : [1000, 10000],
    // 2,000: p99 is then the 20th slowest query, not the 3rd (300 queries moved it by ±0.2 ms from run to run).
    latencyQueries: values['latency-queries'] ? count(values['latency-queries'], 'latency-queries') : quick ? 50 : 2000,
    latencyBudgetS: values['latency-budget'] ? count(values['latency-budget'], 'latency-budget') : quick ? 3 : 15,
    nlpjsMaxEntries: values['nlpjs-max-entries'] ? count(values['nlpjs-max-entries'], 'nlpjs-max-entries') : 1000,
    ablation: values['no-ablation'] !== true,
    edits: values.edits !== undefined ? (values.edits === '0' ? 0 : count(values.edits, 'edits')) : quick ? 6 : 50,
    out: values.out ?? (quick ? join(tmpdir(), 'kefu-bench-quick.md') : DEFAULT_REPORT),
  };
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function count(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag}: expected a positive whole number, got "${text}"`);
  return n;
}
