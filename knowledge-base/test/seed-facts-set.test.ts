/**
 * The seed-facts evaluation set (eval/seed-facts) stays true to the content: every question names an entry of the demo
 * knowledge base whose answer really contains the fact the visitor must get, so a content edit that drops or rewords a
 * fact shows up here instead of as a silent drop in the measurement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KB_DIR, detectHandoff, loadKnowledgeBase, readQueries } from '../src/index.ts';

const EVAL_DIR = join(DEMO_KB_DIR, '..', 'eval');
const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

interface FactQuery {
  q: string;
  id: string;
  fact: string;
}

describe('seed-facts evaluation set', async () => {
  const kb = await loadKnowledgeBase(DEMO_KB_DIR);
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const file = join(EVAL_DIR, 'seed-facts', 'queries.jsonl');
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FactQuery);

  it('reads as a datasets-format file of at least 100 in-scope questions, each with a fact', async () => {
    const queries = await readQueries(file);
    expect(queries).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => typeof r.id !== 'string' || typeof r.fact !== 'string' || r.fact.trim() === '')).toEqual([]);
  });

  it("every fact occurs word for word in its entry's answer", () => {
    const missing = rows.filter((r) => !byId.get(r.id)?.answer.includes(r.fact)).map((r) => ({ id: r.id, fact: r.fact, exists: byId.has(r.id) }));
    expect(missing).toEqual([]);
  });

  it('asks no question twice, none a phrasing of the knowledge base, a query of another set or a request for a human', async () => {
    expect(new Set(rows.map((r) => key(r.q))).size).toBe(rows.length);
    const phrasings = new Set(kb.entries.flatMap((e) => [e.question, ...e.alternates, ...(e.en ? [e.en.question, ...e.en.alternates] : [])]).map(key));
    const others = new Set<string>();
    for (const set of ['demo', 'demo-dev', 'low-overlap-dev', 'low-overlap-heldout']) for (const q of await readQueries(join(EVAL_DIR, set, 'queries.jsonl'))) others.add(key(q.q));
    expect(rows.filter((r) => phrasings.has(key(r.q)) || others.has(key(r.q)))).toEqual([]);
    expect(rows.filter((r) => detectHandoff(r.q))).toEqual([]);
  });
});
