/**
 * Reads the evaluation datasets (faq.json + queries.jsonl) and the demo knowledge base's query sets: its held-out
 * queries, the low-overlap held-out questions and the seed-fact paraphrases.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_KB_DIR, type KnowledgeBase, loadKnowledgeBase, readQueries } from '@kefu/knowledge-base';
import { corpusFromEntries, corpusFromKnowledgeBase } from './corpus.ts';
import type { BenchEntry, BenchQuery, Corpus } from './engine.ts';
import { readSeedFacts, type SeedFactSet } from './seed-facts-bench.ts';

/** A named corpus with its held-out queries. */
export interface BenchDataset {
  name: string;
  /** One sentence printed under the dataset's heading (what the queries are), when the name does not say it. */
  description?: string;
  corpus: Corpus;
  queries: BenchQuery[];
}

/** The demo knowledge base's evaluation folders (`../eval`). */
const EVAL_DIR = fileURLToPath(new URL('../eval/', import.meta.url));

/** The demo knowledge base's held-out queries (written with the demo content, never used to tune it). */
export const DEMO_QUERIES = join(EVAL_DIR, 'demo', 'queries.jsonl');

/**
 * Sets scored on the demo knowledge base, by the name `--datasets` takes. Each is a test set: the development parts
 * (`demo-dev`, `low-overlap-dev`) are for tuning and are never scored by the bench.
 */
export const DEMO_SETS: Record<string, { file: string; description: string }> = {
  demo: { file: DEMO_QUERIES, description: '' },
  'low-overlap-heldout': {
    file: join(EVAL_DIR, 'low-overlap-heldout', 'queries.jsonl'),
    description:
      'The demo knowledge base with the held-out part of `eval/low-overlap`: visitor questions that share at most one content word with any phrasing of their entry, and out-of-scope ones.',
  },
};

/** The seed-fact paraphrases (`q`, `id` and the `fact` the answer must contain), asked of the demo knowledge base. */
export const SEED_FACTS = { name: 'seed-facts', file: join(EVAL_DIR, 'seed-facts', 'queries.jsonl') };

/** Development parts: asking for one is refused, so a tuning set is never reported as a result. */
export const DEV_ONLY = new Set(['demo-dev', 'low-overlap-dev']);

/** Loads `dir`/faq.json and `dir`/queries.jsonl (format of shared/datasets/README.md); the answers are dropped. */
export async function loadDatasetDir(name: string, dir: string): Promise<BenchDataset> {
  const raw: unknown = JSON.parse(await readFile(join(dir, 'faq.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${dir}/faq.json: not a JSON array`);
  const entries = raw.map((item: unknown, i): BenchEntry => {
    const e = item as Partial<BenchEntry>;
    if (typeof e.id !== 'string' || typeof e.question !== 'string' || !Array.isArray(e.alternates)) {
      throw new Error(`${dir}/faq.json: entry ${i + 1} lacks id, question or alternates`);
    }
    return { id: e.id, question: e.question, alternates: e.alternates.filter((a): a is string => typeof a === 'string') };
  });
  return { name, corpus: corpusFromEntries(entries), queries: await readQueries(join(dir, 'queries.jsonl')) };
}

/** The demo knowledge base with one of its query files, when both exist. */
export async function loadDemoDataset(kb: KnowledgeBase, queriesFile: string, name = 'demo', description = ''): Promise<BenchDataset> {
  return { name, ...(description ? { description } : {}), corpus: corpusFromKnowledgeBase(kb), queries: await readQueries(queriesFile) };
}

/** True when `dir` holds a dataset in the shared format. */
export function isDatasetDir(dir: string): boolean {
  return existsSync(join(dir, 'faq.json')) && existsSync(join(dir, 'queries.jsonl'));
}

/** What a run asks for. */
export interface DatasetRequest {
  datasets: string[];
  datasetsDir: string;
  maxQueries: number | null;
}

/** The datasets of a run, the seed-fact set when asked for, and what could not be loaded (with the reason). */
export interface LoadedDatasets {
  datasets: BenchDataset[];
  seedFacts: SeedFactSet | null;
  skipped: string[];
}

/**
 * Loads every requested set in order. The demo knowledge base is loaded once and its corpus shared by `demo`,
 * `low-overlap-heldout` and `seed-facts`, so a peer's development cut-off is chosen once for all three.
 */
export async function loadDatasets(request: DatasetRequest): Promise<LoadedDatasets> {
  const datasets: BenchDataset[] = [];
  const skipped: string[] = [];
  let seedFacts: SeedFactSet | null = null;
  let demo: { kb: KnowledgeBase; corpus: Corpus } | Error | undefined;
  const demoKb = async (): Promise<{ kb: KnowledgeBase; corpus: Corpus } | Error> => {
    if (demo === undefined) {
      try {
        const kb = await loadKnowledgeBase(DEMO_KB_DIR);
        demo = { kb, corpus: corpusFromKnowledgeBase(kb) };
      } catch (err) {
        demo = err as Error;
      }
    }
    return demo;
  };
  const max = request.maxQueries;
  // The shared datasets are shuffled, so their first queries are a fair sample; the demo sets are grouped by entry
  // (out of scope last), so they are sampled evenly instead.
  const firstOnes = <T>(items: T[]): T[] => (max === null ? items : items.slice(0, max));
  const limit = <T>(items: T[]): T[] => (max === null || items.length <= max ? items : Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!));
  for (const name of request.datasets) {
    if (DEV_ONLY.has(name)) {
      skipped.push(`${name} (a development part, for tuning only: never scored)`);
      continue;
    }
    const set = DEMO_SETS[name];
    if (set !== undefined || name === SEED_FACTS.name) {
      const file = set?.file ?? SEED_FACTS.file;
      if (!existsSync(file)) {
        skipped.push(`${name} (no ${file})`);
        continue;
      }
      const loaded = await demoKb();
      if (loaded instanceof Error) {
        skipped.push(`${name} (${loaded.message})`);
        continue;
      }
      try {
        if (set === undefined) {
          seedFacts = { name, kb: loaded.kb, corpus: loaded.corpus, facts: limit(await readSeedFacts(file)) };
        } else {
          const queries = limit(await readQueries(file));
          datasets.push({ name, ...(set.description ? { description: set.description } : {}), corpus: loaded.corpus, queries });
        }
      } catch (err) {
        skipped.push(`${name} (${(err as Error).message})`);
      }
      continue;
    }
    const dir = join(request.datasetsDir, name);
    if (!isDatasetDir(dir)) {
      skipped.push(`${name} (no faq.json + queries.jsonl in ${dir})`);
      continue;
    }
    const dataset = await loadDatasetDir(name, dir);
    dataset.queries = firstOnes(dataset.queries);
    datasets.push(dataset);
  }
  return { datasets, seedFacts, skipped };
}
