/** The bench harness: metrics, threshold sweep, tables and engine adapters on tiny in-memory datasets. */
import { describe, expect, it } from 'vitest';
import { corpusFromEntries } from '../corpus.ts';
import { benchDataset, datasetTable, devTable, type EngineSpec } from '../dataset-bench.ts';
import type { BenchDataset } from '../datasets.ts';
import { bestDevCutoff, chooseDevThreshold } from '../dev-threshold.ts';
import type { BenchEntry, BenchQuery, Engine, Ranking } from '../engine.ts';
import { benchEngines } from '../engines.ts';
import { bestThreshold, computeMetrics, percentile, type Outcome } from '../metrics.ts';
import { PEER_PACKAGES, peerVersions } from '../peer-versions.ts';
import { devRatiosTable } from '../ratios.ts';
import { runEngine } from '../run-engine.ts';
import { generateSynthetic } from '../synthetic.ts';
import { markdownTable, times } from '../table.ts';

const ENTRIES: BenchEntry[] = [
  { id: 'hours', question: '你们几点上班？', alternates: ['营业时间是什么时候', 'what are your opening hours'] },
  { id: 'refund', question: '怎么申请退款', alternates: ['退款多久到账', 'how do I get a refund'] },
  { id: 'invoice', question: '发票怎么开', alternates: ['可以开电子发票吗', 'can I get an invoice'] },
];

const DATASET: BenchDataset = {
  name: 'tiny',
  corpus: corpusFromEntries(ENTRIES),
  queries: [
    { q: '你们营业时间是几点', id: 'hours' },
    { q: 'how do I get my refund', id: 'refund' },
    { q: '电子发票可以开吗', id: 'invoice' },
    { q: '今天天气怎么样', id: null },
  ],
};

/** An engine that always knows the right entry (it is told the answers). */
function oracle(answers: Map<string, string | null>): Engine {
  return {
    name: 'oracle',
    async build() {},
    rank(query): Ranking {
      const id = answers.get(query) ?? null;
      return { candidates: id ? [{ id, score: 1 }] : [], answer: id };
    },
  };
}

/** An engine that declines everything and ranks nothing. */
const declineAll = (): Engine => ({
  name: 'decline-all',
  async build() {},
  rank: () => ({ candidates: [], answer: null }),
});

const outcome = (expected: string | null, candidates: Array<[string, number]>, answer?: string | null): Outcome => ({
  expected,
  ranking: { candidates: candidates.map(([id, score]) => ({ id, score })), ...(answer !== undefined ? { answer } : {}) },
  ms: 1,
});

describe('bench metrics', () => {
  it('gives a perfect engine top1, mrr5 and accuracy 1 and full rejection', async () => {
    const answers = new Map(DATASET.queries.map((q) => [q.q, q.id]));
    const result = await benchDataset(DATASET, [{ factory: () => oracle(answers), role: 'kefu' }]);
    const own = result.rows.find((r) => r.role === 'kefu')?.metrics;
    expect(own).toMatchObject({ n: 4, in_scope: 3, ood: 1, top1: 1, mrr5: 1, ood_rejection: 1, accuracy: 1, threshold: null });
  });

  it('gives a decline-everything engine rejection 1, top1 0 and the out-of-scope share as accuracy', async () => {
    const result = await benchDataset(DATASET, [{ factory: declineAll, role: 'kefu' }]);
    const own = result.rows.find((r) => r.role === 'kefu')?.metrics;
    expect(own).toMatchObject({ top1: 0, mrr5: 0, ood_rejection: 1, accuracy: 0.25 });
  });

  it('counts top1 and mrr5 from the ranking and accuracy from the decision', () => {
    const m = computeMetrics(
      [
        outcome('a', [['a', 0.9]], 'a'), // right and answered
        outcome('b', [['c', 0.8], ['b', 0.7]], null), // second place, declined
        outcome(null, [['a', 0.6]], 'a'), // out of scope but answered
        outcome(null, [], null), // out of scope, declined
      ],
      { kind: 'own' },
    );
    expect(m.top1).toBeCloseTo(1 / 2);
    expect(m.mrr5).toBeCloseTo((1 + 1 / 2) / 2);
    expect(m.ood_rejection).toBeCloseTo(1 / 2);
    expect(m.accuracy).toBeCloseTo(2 / 4);
  });

  it('sweeps the threshold that maximises accuracy, declining all when that is best', () => {
    const outcomes = [
      outcome('a', [['a', 0.9]]),
      outcome('b', [['b', 0.7]]),
      outcome(null, [['a', 0.5]]),
      outcome('c', [['a', 0.4]]),
      outcome(null, [['c', 0.3]]),
    ];
    expect(bestThreshold(outcomes)).toBe(0.7);
    const m = computeMetrics(outcomes, { kind: 'best' });
    expect(m).toMatchObject({ threshold: 0.7, accuracy: 4 / 5, ood_rejection: 1 });
    expect(bestThreshold([outcome(null, [['a', 0.9]]), outcome('b', [['a', 0.8]])])).toBe(Infinity);
    expect(computeMetrics(outcomes, { kind: 'threshold', threshold: 0 }).accuracy).toBeCloseTo(2 / 5);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('bench engines', () => {
  it('Kefu and every peer build on the same corpus and rank the intended entry first', async () => {
    const result = await benchDataset(DATASET, benchEngines());
    expect(result.failures).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(['Kefu', 'Kefu (best threshold, ref.)', 'fuse.js', 'natural TfIdf', 'MiniSearch', 'nlp.js']);
    for (const row of result.rows) {
      expect(row.metrics.top1, row.name).toBeGreaterThanOrEqual(2 / 3);
      expect(row.metrics.p99_ms, row.name).toBeGreaterThan(0);
    }
    const table = datasetTable(result);
    expect(table.split('\n')).toHaveLength(2 + result.rows.length);
    expect(table).toMatch(/^\| engine +\| queries \| +top1 \|/);
    expect(table).toMatch(/\n\| fuse\.js +\| +4 \| /);
  }, 60_000);

  it('reports an engine that throws as failed instead of stopping the bench', async () => {
    const broken: EngineSpec = {
      factory: () => ({ name: 'broken', build: () => Promise.reject(new Error('cannot build')), rank: () => ({ candidates: [] }) }),
      role: 'peer',
    };
    const result = await benchDataset(DATASET, [broken]);
    expect(result.failures).toEqual([{ name: 'broken', reason: 'cannot build' }]);
    expect(datasetTable(result)).toMatch(/\| broken \| failed +\|.*\| cannot build \|$/m);
  });

  it('names the installed version of every peer package in the report', () => {
    const versions = peerVersions();
    expect(versions).toHaveLength(PEER_PACKAGES.length);
    for (const [i, v] of versions.entries()) expect(v).toMatch(new RegExp(`^${PEER_PACKAGES[i]!.replace('.', '\\.')}@\\d+\\.\\d+\\.\\d+`));
  });
});

/** Ten entries of three phrasings each ("e3 p1" is phrasing 1 of entry e3), enough for folds that hold entries out. */
const TEN: BenchEntry[] = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, question: `e${i} p0`, alternates: [`e${i} p1`, `e${i} p2`] }));

/**
 * A peer that scores 0.8 for a phrasing of an entry it was built with and 0.5 (pointing at another entry) for one
 * it was not; a test query "score S for ID" gets exactly that candidate.
 */
const scripted = (): Engine => {
  const ids: string[] = [];
  return {
    name: 'scripted',
    async build(corpus) {
      ids.push(...corpus.entries.map((e) => e.id));
    },
    rank(query): Ranking {
      const test = /^score ([\d.]+) for (\w+)$/.exec(query);
      if (test) return { candidates: [{ id: test[2]!, score: Number(test[1]) }] };
      const id = query.split(' ')[0]!;
      return { candidates: [ids.includes(id) ? { id, score: 0.8 } : { id: ids[0]!, score: 0.5 }] };
    },
  };
};

describe('dev-chosen peer thresholds', () => {
  const datasetWith = (name: string, queries: BenchQuery[]): BenchDataset => ({ name, corpus: corpusFromEntries(TEN), queries });
  // Test queries that a low cut-off suits (every answer is right at 0.3) and ones that only a cut-off above 0.9 suits.
  const favourLow = datasetWith('low', [
    { q: 'score 0.3 for e1', id: 'e1' },
    { q: 'score 0.35 for e2', id: 'e2' },
  ]);
  const favourHigh = datasetWith('high', [
    { q: 'score 0.95 for e1', id: 'e1' },
    { q: 'score 0.9 for e2', id: null },
    { q: 'score 0.7 for e3', id: null },
  ]);

  it('chooses the cut-off on the FAQ folds alone, whatever the test queries favour', async () => {
    const peer: EngineSpec = { factory: scripted, role: 'peer' };
    const [low, high] = [await benchDataset(favourLow, [peer]), await benchDataset(favourHigh, [peer])];
    const oracle = [low, high].map((r) => r.rows[0]?.metrics.threshold);
    expect(oracle).toEqual([0.3, 0.95]);
    const dev = [low, high].map((r) => r.rows[0]?.dev);
    // Per fold 2 entries held out (6 near misses at 0.5) and 8 kept (one phrasing each at 0.8): 0.8 gets every one right.
    const alone = await chooseDevThreshold(scripted, corpusFromEntries(TEN).kb);
    expect(alone).toMatchObject({ threshold: 0.8, objective: 1, queries: 70, stride: 1 });
    expect(dev).toEqual([
      { choice: alone, metrics: expect.objectContaining({ threshold: 0.8, accuracy: 0 }) },
      { choice: alone, metrics: expect.objectContaining({ threshold: 0.8, accuracy: 2 / 3, ood_rejection: 1 / 2 }) },
    ]);
    expect(devTable(high)).toMatch(/\| scripted \| +70 \| +0\.800 \| +1\.000 \| +0\.500 \| +0\.667 \| +1\.000 \| +−0\.333 \|/);
    expect(devRatiosTable([low, high]).split('\n')[3]).toMatch(/^\| high +\| +— \| +— \| +0\.667 \(scripted\) \|/);
  });

  it('weights near misses at the fixed out-of-scope share, not at their share of the folds', () => {
    // Four in-scope queries right at 0.6, twelve near misses at 0.7 or 0.4: answering from 0.6 keeps 3/4 of
    // the in-scope weight and loses half the near misses, better than declining all (0.25) at a 25 % share.
    const pool = [
      ...Array.from({ length: 4 }, () => ({ expected: 'a', top: 'a', inTop3: true, s1: 0.6, s2: 0 })),
      ...Array.from({ length: 6 }, () => ({ expected: null, top: 'a', inTop3: false, s1: 0.7, s2: 0 })),
      ...Array.from({ length: 6 }, () => ({ expected: null, top: 'a', inTop3: false, s1: 0.4, s2: 0 })),
    ];
    expect(bestDevCutoff(pool)).toEqual({ threshold: 0.6, objective: 0.75 * 1 + 0.25 * 0.5 });
  });
});

describe('query budget', () => {
  it('asks a slow engine an evenly spaced sample that fits the budget', async () => {
    const queries = Array.from({ length: 200 }, (_, i) => ({ q: String(i), id: String(i) }));
    const slow: Engine = {
      name: 'slow',
      async build() {},
      rank(q) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        return { candidates: [{ id: q, score: 1 }] };
      },
    };
    const run = await runEngine(() => slow, corpusFromEntries([]), queries, { budgetMs: 40, probe: 20 });
    expect(run.stride).toBeGreaterThanOrEqual(4);
    expect(run.outcomes.map((o) => o.expected)).toEqual(queries.filter((_, i) => i % run.stride === 0).map((q) => q.id));
    const all = await runEngine(() => slow, corpusFromEntries([]), queries.slice(0, 10), { budgetMs: 10_000 });
    expect([all.stride, all.outcomes.length]).toEqual([1, 10]);
  });
});

describe('warm-up', () => {
  it('asks the warm-up queries after the build but times and scores only the others', async () => {
    const asked: string[] = [];
    const engine: Engine = {
      name: 'recording',
      async build() {
        asked.push('build');
      },
      rank(q) {
        asked.push(q);
        return { candidates: [{ id: q, score: 1 }] };
      },
    };
    const warmUp = [{ q: 'w1', id: 'w1' }, { q: 'w2', id: 'w2' }];
    const run = await runEngine(() => engine, corpusFromEntries([]), [{ q: 't1', id: 't1' }], { warmUp, budgetMs: 10_000 });
    expect(asked).toEqual(['build', 'w1', 'w2', 't1']);
    expect(run.outcomes.map((o) => o.expected)).toEqual(['t1']);
  });
});

describe('synthetic data and tables', () => {
  it('generates the same mixed zh/en entries and held-out queries for the same size', () => {
    const a = generateSynthetic(300, 100);
    expect(generateSynthetic(300, 100)).toEqual(a);
    expect(a.entries).toHaveLength(300);
    expect(new Set(a.entries.map((e) => e.id)).size).toBe(300);
    const zh = a.entries.filter((e) => /\p{Script=Han}/u.test(e.question)).length;
    expect(zh).toBeGreaterThan(100);
    expect(zh).toBeLessThan(200);
    const phrasings = new Set(a.entries.flatMap((e) => [e.question, ...e.alternates]));
    expect(a.queries.filter((q) => phrasings.has(q.q))).toEqual([]);
    const ood = a.queries.filter((q) => q.id === null).length;
    expect(ood).toBeGreaterThan(5);
    expect(ood).toBeLessThan(40);
  });

  it('pads Chinese cells by display width so columns line up in a terminal', () => {
    const table = markdownTable(['k', 'n'], [['退款', '1.5'], ['ab', '10']]);
    expect(table).toBe(['| k    |   n |', '| ---- | --: |', '| 退款 | 1.5 |', '| ab   |  10 |'].join('\n'));
  });

  it('prints small latency ratios with two significant digits instead of 0.00', () => {
    expect([times(1 / 300), times(0.42), times(18.4), times(Number.NaN)]).toEqual(['0.0033×', '0.42×', '18×', '—']);
  });
});
