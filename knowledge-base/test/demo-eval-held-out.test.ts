/** The demo's evaluation queries stay held out: none of them is (after normalisation) a phrasing the knowledge base indexes. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KB_DIR, detectHandoff, loadKnowledgeBase, readQueries } from '../src/index.ts';

const EVAL_DIR = join(DEMO_KB_DIR, '..', 'eval');
/** As the datasets compare strings: NFKC, lower case, whitespace, punctuation and symbols removed. */
const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

describe('demo evaluation queries', async () => {
  const kb = await loadKnowledgeBase(DEMO_KB_DIR);
  const phrasings = new Set(kb.entries.flatMap((e) => [e.question, ...e.alternates, ...(e.en ? [e.en.question, ...e.en.alternates] : [])]).map(key));
  const ids = new Set(kb.entries.map((e) => e.id));
  const sets = { test: await readQueries(join(EVAL_DIR, 'demo', 'queries.jsonl')), dev: await readQueries(join(EVAL_DIR, 'demo-dev', 'queries.jsonl')) };

  it.each(Object.entries(sets))('%s: no query repeats a question or alternate of the knowledge base', (_name, queries) => {
    expect(queries.map((q) => q.q).filter((q) => phrasings.has(key(q)))).toEqual([]);
  });

  it.each(Object.entries(sets))('%s: every expected id exists and no query is a request for a human', (_name, queries) => {
    expect(queries.filter((q) => q.id !== null && !ids.has(q.id))).toEqual([]);
    expect(queries.filter((q) => detectHandoff(q.q))).toEqual([]);
  });

  it('keeps the test and development sets apart, with the sizes the issue asks for', () => {
    const dev = new Set(sets.dev.map((q) => key(q.q)));
    expect(sets.test.filter((q) => dev.has(key(q.q)))).toEqual([]);
    expect(sets.test.filter((q) => q.id !== null).length).toBeGreaterThanOrEqual(300);
    expect(sets.test.filter((q) => q.id === null).length).toBeGreaterThanOrEqual(60);
  });
});
