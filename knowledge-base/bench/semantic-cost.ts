/**
 * What the semantic layer costs: the vector package on disk, the memory and time its table takes to load (measured in a
 * fresh process, so nothing loaded earlier in the bench counts), and build time and latency at the largest synthetic
 * size with the layer on and off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { semanticLayerInfo } from '@kefu/knowledge-base';
import { corpusFromEntries } from './corpus.ts';
import { createKefuEngine } from './kefu-engine.ts';
import { computeMetrics } from './metrics.ts';
import { runEngine } from './run-engine.ts';
import { generateSynthetic } from './synthetic.ts';
import { markdownTable, mib, ms } from './table.ts';

/** The layer's cost, or why it was not measured. */
export interface SemanticCost {
  installBytes: number;
  /** The English piece table (in the repository, knowledge-base/data): pieces, dimensions, bytes on disk. */
  english: { pieces: number; dim: number; fileBytes: number } | null;
  words: number;
  dim: number;
  /** The first load of a process on this machine (the file parsed), then every later one (the parsed copy read back). */
  load: { parsed: LoadCost; kept: LoadCost };
  size: number;
  rows: Array<{ label: string; buildMs: number; p50: number; p99: number; heapBytes: number | null }>;
}

/** Bytes of every file under `dir`. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Load time, resident memory kept once the file's buffer is collected, and right after the load (before collection). */
interface LoadCost {
  loadMs: number;
  rssBytes: number;
  peakBytes: number;
}

/** Loads the table in a fresh process whose temporary folder is `tmp`, and reports its load time and memory. */
function measureLoad(tmp: string): LoadCost {
  const child = fileURLToPath(new URL('./semantic-load-child.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, TMPDIR: tmp } });
  if (run.status !== 0) throw new Error(`semantic load child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as LoadCost;
}

/** The first load in an empty temporary folder parses the file and keeps a parsed copy there; the second reads that copy. */
function measureLoads(): SemanticCost['load'] {
  const tmp = mkdtempSync(join(tmpdir(), 'kefu-bench-vectors-'));
  try {
    return { parsed: measureLoad(tmp), kept: measureLoad(tmp) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The cost at `size` synthetic entries with `queries` timed queries (null when no vectors are installed). */
export async function benchSemanticCost(size: number, queries: number, budgetMs: number): Promise<SemanticCost | null> {
  const info = semanticLayerInfo();
  if (!info) return null;
  // The package folder: node_modules/<name>/data/words.vector → node_modules/<name>.
  const installBytes = folderBytes(dirname(dirname(info.file)));
  const load = measureLoads();
  const data = generateSynthetic(size, queries + 300);
  const corpus = corpusFromEntries(data.entries);
  const rows: SemanticCost['rows'] = [];
  for (const [label, semantic] of [['semantic layer on', true], ['semantic layer off', false]] as const) {
    const run = await runEngine(() => createKefuEngine({ semantic }, `Kefu, ${label}`), corpus, data.queries.slice(300), { measureHeap: true, budgetMs, warmUp: data.queries.slice(0, 300) });
    const m = computeMetrics(run.outcomes, { kind: 'own' });
    rows.push({ label, buildMs: run.buildMs, p50: m.p50_ms, p99: m.p99_ms, heapBytes: run.heapBytes });
  }
  const english = info.english && { pieces: info.english.pieces, dim: info.english.dim, fileBytes: info.english.fileBytes };
  return { installBytes, english, words: info.words, dim: info.dim, load, size, rows };
}

/** One line of what is loaded, then build time and latency with the layer on and off. */
export function semanticCostText(cost: SemanticCost | null): string {
  if (!cost) return 'The semantic layer is off (KEFU_SEMANTIC=off, or no word vectors installed): nothing to measure.';
  const head =
    `Word vectors: ${cost.words} words × ${cost.dim} dimensions (node-synonyms). Install ${mib(cost.installBytes)} MiB on disk; ` +
    `loading the table takes ${ms(cost.load.parsed.loadMs)} ms the first time (the file parsed and a parsed copy written, ${mib(cost.load.parsed.peakBytes)} MiB more resident right after) and ${ms(cost.load.kept.loadMs)} ms ` +
    `afterwards (that copy read back from the temporary folder, ${mib(cost.load.kept.peakBytes)} MiB right after), and keeps ${mib(cost.load.kept.rssBytes)} MiB of resident memory ` +
    `once per process (the server's index worker reads it and its main thread shares the table).` +
    (cost.english
      ? ` English piece vectors: ${cost.english.pieces} pieces × ${cost.english.dim} dimensions distilled from the Universal Sentence Encoder lite, ${mib(cost.english.fileBytes)} MiB in the repository, read by each thread (included in the memory above).`
      : '');
  const table = markdownTable(
    ['entries', 'Kefu', 'build ms', 'p50 ms', 'p99 ms', 'heap MiB'],
    cost.rows.map((r) => [String(cost.size), r.label, ms(r.buildMs), ms(r.p50), ms(r.p99), mib(r.heapBytes)]),
  );
  return `${head}\n\n${table}`;
}
