/** Reads the evaluation datasets (faq.json + queries.jsonl) and the demo knowledge base's held-out queries. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KnowledgeBase, readQueries } from '@kefu/knowledge-base';
import { corpusFromEntries, corpusFromKnowledgeBase } from './corpus.ts';
import type { BenchEntry, BenchQuery, Corpus } from './engine.ts';

/** A named corpus with its held-out queries. */
export interface BenchDataset {
  name: string;
  corpus: Corpus;
  queries: BenchQuery[];
}

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

/** The demo knowledge base with its held-out queries, when both exist. */
export async function loadDemoDataset(kb: KnowledgeBase, queriesFile: string): Promise<BenchDataset> {
  return { name: 'demo', corpus: corpusFromKnowledgeBase(kb), queries: await readQueries(queriesFile) };
}

/** True when `dir` holds a dataset in the shared format. */
export function isDatasetDir(dir: string): boolean {
  return existsSync(join(dir, 'faq.json')) && existsSync(join(dir, 'queries.jsonl'));
}
