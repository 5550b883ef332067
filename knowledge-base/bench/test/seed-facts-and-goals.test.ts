/** The seed-fact paraphrases, the demo knowledge base's test sets and the goal table at the top of the report. */
import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '@kefu/knowledge-base';
import { corpusFromKnowledgeBase } from '../corpus.ts';
import type { DatasetResult, DevChoices, EngineRow } from '../dataset-bench.ts';
import { DEMO_SETS, loadDatasets, SEED_FACTS } from '../datasets.ts';
import type { Engine, Ranking } from '../engine.ts';
import { evaluateGoals, GOALS, goalsTable } from '../goals.ts';
import type { LatencyRow } from '../latency-bench.ts';
import type { Metrics } from '../metrics.ts';
import { benchSeedFacts, parseSeedFacts, scoreFacts, seedFactsTable, type SeedFact, type SeedFactSet } from '../seed-facts-bench.ts';

const entry = (id: string, question: string, answer: string, en?: string): Entry => ({
  id,
  question,
  alternates: [],
  keywords: [],
  answer,
  followUps: [],
  topic: 'test',
  ...(en ? { en: { question: id, alternates: [], keywords: [], answer: en } } : {}),
});

const KB: KnowledgeBase = {
  entries: [
    entry('hotline-hours', '热线几点上班', '个人用户热线 9:00-18:00，企业专线 8:30-20:00。', 'Hotline: 9:00-18:00 for individuals.'),
    entry('service-hours', '各渠道服务时间', '热线 9:00-18:00，在线客服 7×24。'),
    entry('email-reply', '邮件几天回', '邮件 2 个工作日内回复。'),
  ],
  synonyms: [],
  flows: [],
  welcome: [],
};

const FACTS: SeedFact[] = [
  { q: '普通用户电话几点到几点', id: 'hotline-hours', fact: '9:00-18:00' },
  { q: '打电话最早几点能打通', id: 'hotline-hours', fact: '9:00-18:00' },
  { q: '给你们写信几天回', id: 'email-reply', fact: '2 个工作日' },
  { q: '企业专线晚上几点停', id: 'hotline-hours', fact: '8:30-20:00' },
  { q: 'what time does the hotline open', id: 'hotline-hours', fact: '9:00-18:00' },
];

describe('seed-fact scoring', () => {
  it('counts an answer as right when its text holds the fact, whichever entry gave it, and a suggestion as not answered', () => {
    const score = scoreFacts(
      FACTS,
      [
        { answered: 'hotline-hours', top: 'hotline-hours' }, // the labelled entry
        { answered: 'service-hours', top: 'service-hours' }, // another entry that also gives 9:00-18:00
        { answered: null, top: 'email-reply' }, // suggested or declined: right top, but no answer
        { answered: 'service-hours', top: 'service-hours' }, // another entry without 8:30-20:00
        { answered: 'hotline-hours', top: 'hotline-hours' }, // English question: the English answer holds the fact
      ],
      KB,
    );
    expect(score).toMatchObject({ n: 5, withFact: 3 / 5, byLabelled: 2 / 5, otherWithFact: 1 / 5, notAnswered: 1 / 5, top1: 3 / 5 });
    expect(score.misses.map((m) => m.fact.q)).toEqual(['给你们写信几天回', '企业专线晚上几点停']);
  });

  it('reads q, id and fact per line and names the line of a bad one', () => {
    const text = '{"q":"邮件几天回复","id":"email-reply","fact":"2 个工作日"}\n\n{"q":"热线几点","id":"hotline-hours"}\n';
    expect(() => parseSeedFacts(text, 'queries.jsonl')).toThrow('queries.jsonl line 3: fact must be a non-empty string');
    expect(parseSeedFacts(text.split('\n')[0]!, 'queries.jsonl')).toEqual([{ q: '邮件几天回复', id: 'email-reply', fact: '2 个工作日' }]);
  });
});

/** Ranks by a script keyed on the question; `answer` is set only for the engine that decides itself. */
const scriptedEngine = (name: string, script: Record<string, Array<[string, number]>>, decides: boolean): (() => Engine) => () => ({
  name,
  async build() {},
  rank(query): Ranking {
    const candidates = (script[query] ?? []).map(([id, score]) => ({ id, score }));
    const top = candidates[0];
    return decides ? { candidates, answer: top !== undefined && top.score >= 0.5 ? top.id : null } : { candidates };
  },
});

describe('seed-fact bench', () => {
  const set: SeedFactSet = { name: 'seed-facts', kb: KB, corpus: corpusFromKnowledgeBase(KB), facts: FACTS.slice(0, 4) };
  const script: Record<string, Array<[string, number]>> = {
    普通用户电话几点到几点: [['hotline-hours', 0.9]],
    打电话最早几点能打通: [['service-hours', 0.6]],
    给你们写信几天回: [['email-reply', 0.4]],
    企业专线晚上几点停: [['service-hours', 0.3]],
  };

  it('scores Kefu by its own decision and a peer by the cut-off it chose on development folds, beside its oracle cut-off', async () => {
    const devChoices: DevChoices = new WeakMap();
    // The peer's development cut-off was chosen on this knowledge base before (by the demo set of the same run).
    devChoices.set(set.corpus.kb, new Map([['peer', { choice: { threshold: 0.5, objective: 0.7, queries: 10, stride: 1 } }]]));
    const result = await benchSeedFacts(set, [
      { factory: scriptedEngine('Kefu', script, true), role: 'kefu' },
      { factory: scriptedEngine('peer', script, false), role: 'peer' },
    ], { devChoices });
    const [kefu, peer] = result.rows;
    // Own decision answers from 0.5: two answers, both with the fact (one by another entry); two labelled entries rank first.
    expect(kefu?.score).toMatchObject({ withFact: 0.5, byLabelled: 0.25, otherWithFact: 0.25, notAnswered: 0.5, top1: 0.5 });
    expect(peer?.threshold).toBe(0.5);
    expect(peer?.score?.withFact).toBe(0.5);
    // The oracle answers from 0.4: the email question gains its fact; answering the 8:30-20:00 one too would gain nothing.
    expect(peer?.oracle).toMatchObject({ threshold: 0.4, score: expect.objectContaining({ withFact: 0.75 }) });
    expect(result.devWallMs).toBe(0);
    const table = seedFactsTable(result);
    expect(table).toMatch(/\| Kefu +\| +4 \| +own \| +0\.500 \| +0\.250 \| +0\.250 \| +0\.500 \| +0\.500 \| +0\.750 \(0\.400\) \|/);
    expect(table).toMatch(/\| peer +\| +4 \| 0\.500 \(dev\) \| +0\.500 \|/);
  });
});

const metrics = (top1: number, accuracy: number): Metrics =>
  ({ n: 10, in_scope: 8, ood: 2, top1, mrr5: top1, ood_rejection: 0.5, accuracy, p50_ms: 0.1, p99_ms: 0.2, threshold: null }) as Metrics;

const datasetResult = (dataset: string, kefu: [number, number], peers: Array<[string, number, number, number]>): DatasetResult => ({
  dataset,
  failures: [],
  devWallMs: 0,
  rows: [
    { name: 'Kefu', role: 'kefu', metrics: metrics(...kefu), buildMs: 1, stride: 1 },
    ...peers.map(([name, top1, oracle, dev]): EngineRow => ({
      name,
      role: 'peer',
      metrics: metrics(top1, oracle),
      buildMs: 1,
      stride: 1,
      dev: { choice: { threshold: 1, objective: 0.5, queries: 10, stride: 1 }, metrics: metrics(top1, dev) },
    })),
  ],
});

describe('goal table', () => {
  it('reads each goal from the run, says whether Kefu meets it and names the best peer per cut-off', () => {
    const latency: LatencyRow[] = [
      { size: 10000, name: 'Kefu', queries: 300, buildMs: 1, p50: 0.1, p99: 0.8, heapBytes: null, top1: 1 },
      { size: 10000, name: 'fast', queries: 300, buildMs: 1, p50: 0.1, p99: 0.5, heapBytes: null, top1: 1 },
      { size: 10000, name: 'slow', queries: 300, buildMs: 1, p50: 0.1, p99: 9, heapBytes: null, top1: 1 },
    ];
    const rows = evaluateGoals({
      datasets: [
        datasetResult('low-overlap-heldout', [0.9, 0.7], [['a', 0.5, 0.45, 0.4], ['b', 0.6, 0.42, 0.44]]),
        datasetResult('demo', [0.95, 0.91], [['a', 0.8, 0.7, 0.69]]),
      ],
      seedFacts: null,
      latency,
    });
    const byLabel = new Map(rows.map((r) => [r.goal.label, r]));
    expect(byLabel.get('low-overlap held-out: top-1')).toMatchObject({ kefu: 0.9, met: true, peerDev: { name: 'b', value: 0.6 } });
    expect(byLabel.get('low-overlap held-out: accuracy')).toMatchObject({
      kefu: 0.7,
      met: false,
      peerDev: { name: 'b', value: 0.44 },
      peerOracle: { name: 'a', value: 0.45 },
    });
    expect(byLabel.get('demo held-out: accuracy')).toMatchObject({ kefu: 0.91, met: true });
    expect(byLabel.get('p99 per query at 10k entries (ms)')).toMatchObject({ kefu: 0.8, met: true, peerOracle: { name: 'fast', value: 0.5 } });
    expect(byLabel.get('banking77: accuracy')).toMatchObject({ kefu: undefined, met: undefined, missing: 'banking77 not in this run' });
    const table = goalsTable(rows);
    expect(table.split('\n').slice(0, GOALS.length + 2)).toHaveLength(GOALS.length + 2);
    expect(table).toMatch(/\| low-overlap held-out: accuracy +\| +0\.700 \| ≥ 0\.800 \| no +\| +0\.440 \(b\) \| +0\.450 \(a\) \|/);
    expect(table).toMatch(/\| seed-fact paraphrases: answered with the fact \| +not run \|/);
    expect(table).toContain('Not run: seed-facts not in this run; banking77 not in this run; clinc150 not in this run; xsid-zh not in this run.');
  });
});

describe('the demo knowledge base’s sets', () => {
  it('scores the low-overlap held-out part and the seed facts on one shared corpus and never a development part', async () => {
    const loaded = await loadDatasets({ datasets: ['low-overlap-dev', 'low-overlap-heldout', 'seed-facts', 'demo'], datasetsDir: '/nonexistent', maxQueries: 40 });
    expect(loaded.skipped).toEqual(['low-overlap-dev (a development part, for tuning only: never scored)']);
    expect(loaded.datasets.map((d) => d.name)).toEqual(['low-overlap-heldout', 'demo']);
    const [lowOverlap, demo] = loaded.datasets;
    expect(lowOverlap?.corpus).toBe(demo?.corpus);
    expect(loaded.seedFacts?.corpus).toBe(demo?.corpus);
    // The held-out file lists out-of-scope questions last: a limited run still samples some of them.
    expect(lowOverlap?.queries).toHaveLength(40);
    expect(lowOverlap?.queries.some((q) => q.id === null)).toBe(true);
    expect(loaded.seedFacts?.facts).toHaveLength(40);
    expect(Object.keys(DEMO_SETS)).not.toContain('low-overlap-dev');
    expect(SEED_FACTS.file).toMatch(/eval[/\\]seed-facts[/\\]queries\.jsonl$/);
  });
});
