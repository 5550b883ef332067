/**
 * The low-overlap evaluation set (eval/low-overlap-dev, eval/low-overlap-heldout) stays what its README promises:
 * every in-scope question shares at most one content word with any phrasing of its entry, names an entry of the demo
 * knowledge base, and the two parts are the split of eval/low-overlap/all.jsonl, apart and big enough.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KB_DIR, detectHandoff, loadKnowledgeBase, readQueries } from '../src/index.ts';
import { bestOverlap, contentWords } from './low-overlap-words.ts';

const EVAL_DIR = join(DEMO_KB_DIR, '..', 'eval');
/** As the datasets compare strings: NFKC, lower case, whitespace, punctuation and symbols removed. */
const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

describe('low-overlap evaluation set', async () => {
  const kb = await loadKnowledgeBase(DEMO_KB_DIR);
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const dev = await readQueries(join(EVAL_DIR, 'low-overlap-dev', 'queries.jsonl'));
  const heldOut = await readQueries(join(EVAL_DIR, 'low-overlap-heldout', 'queries.jsonl'));
  const all = [...dev, ...heldOut];
  const inScope = all.filter((q) => q.id !== null);

  it('counts content words the way the README says', () => {
    expect([...contentWords('给你们写信几天回')].sort()).toEqual(['写信', '几天']);
    expect([...contentWords('请问客服电话是多少呢？')]).not.toContain('多少');
    expect(contentWords('How long does an email reply take?')).toEqual(new Set(['long', 'email', 'repli', 'take']));
  });

  it('every in-scope question shares at most one content word with each phrasing of its entry', () => {
    const over = inScope.flatMap((q) => {
      const entry = byId.get(q.id!);
      if (!entry) return [];
      const best = bestOverlap(q.q, entry);
      return best.shared.length > 1 ? [{ q: q.q, id: q.id, phrasing: best.phrasing, shared: best.shared }] : [];
    });
    expect(over).toEqual([]);
  });

  it('names only entries of the demo knowledge base and covers every one of them', () => {
    expect(inScope.filter((q) => !byId.has(q.id!))).toEqual([]);
    const asked = new Set(inScope.map((q) => q.id));
    expect(kb.entries.map((e) => e.id).filter((id) => !asked.has(id))).toEqual([]);
  });

  it('has at least 300 in-scope and 60 out-of-scope questions, none a request for a human', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((q) => q.id === null).length).toBeGreaterThanOrEqual(60);
    expect(all.filter((q) => detectHandoff(q.q))).toEqual([]);
  });

  it('keeps development and held-out apart, and apart from the knowledge base and the demo sets', async () => {
    const devKeys = new Set(dev.map((q) => key(q.q)));
    expect(heldOut.filter((q) => devKeys.has(key(q.q)))).toEqual([]);
    expect(new Set(all.map((q) => key(q.q))).size).toBe(all.length);
    const phrasings = new Set(kb.entries.flatMap((e) => [e.question, ...e.alternates, ...(e.en ? [e.en.question, ...e.en.alternates] : [])]).map(key));
    const demo = [...(await readQueries(join(EVAL_DIR, 'demo', 'queries.jsonl'))), ...(await readQueries(join(EVAL_DIR, 'demo-dev', 'queries.jsonl')))];
    const demoKeys = new Set(demo.map((q) => key(q.q)));
    expect(all.filter((q) => phrasings.has(key(q.q)) || demoKeys.has(key(q.q)))).toEqual([]);
  });

  it('is the 40/60 split of all.jsonl, with every entry on both sides when it has two questions or more', () => {
    const source = readFileSync(join(EVAL_DIR, 'low-overlap', 'all.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const rows = source.map((l) => JSON.parse(l) as { q: string; id: string | null });
    expect(all.map((q) => key(q.q)).sort()).toEqual(rows.map((r) => key(r.q)).sort());
    expect(dev.length / all.length).toBeCloseTo(0.4, 1);
    const count = (qs: { id: string | null }[], id: string | null) => qs.filter((q) => q.id === id).length;
    const strata = [...new Set(rows.map((r) => r.id))].filter((id) => count(rows, id) >= 2);
    expect(strata.filter((id) => count(dev, id) === 0 || count(heldOut, id) === 0)).toEqual([]);
  });
});
