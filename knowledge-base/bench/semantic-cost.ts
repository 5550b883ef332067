/**
 * What the semantic layer costs: the vector package on disk, the memory and time its table takes to load (measured in a
 * fresh process, so nothing loaded earlier in the bench counts), and build time and latency at the largest synthetic
 * size with the layer on and off.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
  loadMs: number;
  /** Resident memory kept after loading (the file's buffer collected), and at its peak while parsing. */
  rssBytes: number;
  peakBytes: number;
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

/** Loads the table in a fresh process and reports its resident-memory growth and load time. */
function measureLoad(): { rssBytes: number; peakBytes: number; loadMs: number } {
  const child = fileURLToPath(new URL('./semantic-load-child.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  if (run.status !== 0) throw new Error(`semantic load child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as { rssBytes: number; peakBytes: number; loadMs: number };
}

/** The cost at `size` synthetic entries with `queries` timed queries (null when no vectors are installed). */
export async function benchSemanticCost(size: number, queries: number, budgetMs: number): Promise<SemanticCost | null> {
  const info = semanticLayerInfo();
  if (!info) return null;
  // The package folder: node_modules/<name>/data/words.vector → node_modules/<name>.
  const installBytes = folderBytes(dirname(dirname(info.file)));
  const { rssBytes, peakBytes, loadMs } = measureLoad();
  const data = generateSynthetic(size, queries + 300);
  const corpus = corpusFromEntries(data.entries);
  const rows: SemanticCost['rows'] = [];
  for (const [label, semantic] of [['semantic layer on', true], ['semantic layer off', false]] as const) {
    const run = await runEngine(() => createKefuEngine({ semantic }, `Kefu, ${label}`), corpus, data.queries.slice(300), { measureHeap: true, budgetMs, warmUp: data.queries.slice(0, 300) });
    const m = computeMetrics(run.outcomes, { kind: 'own' });
    rows.push({ label, buildMs: run.buildMs, p50: m.p50_ms, p99: m.p99_ms, heapBytes: run.heapBytes });
  }
  const english = info.english && { pieces: info.english.pieces, dim: info.english.dim, fileBytes: info.english.fileBytes };
  return { installBytes, english, words: info.words, dim: info.dim, loadMs, rssBytes, peakBytes, size, rows };
}

/** One line of what is loaded, then build time and latency with the layer on and off. */
export function semanticCostText(cost: SemanticCost | null): string {
  if (!cost) return 'The semantic layer is off (KEFU_SEMANTIC=off, or no word vectors installed): nothing to measure.';
  const head =
    `Word vectors: ${cost.words} words × ${cost.dim} dimensions (node-synonyms). Install ${mib(cost.installBytes)} MiB on disk; ` +
    `loading the table takes ${ms(cost.loadMs)} ms and keeps ${mib(cost.rssBytes)} MiB of resident memory (${mib(cost.peakBytes)} MiB while the file is parsed) ` +
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
