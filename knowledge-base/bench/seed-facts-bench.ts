/**
 * Seed-fact paraphrases: questions about the facts of the demo content's seed documents (hours, numbers, times,
 * channels, fees, SLA figures), each with the entry that should answer and the fact its answer must contain. What
 * counts is what the visitor gets: a question is answered with the fact when the entry an engine answers with holds
 * the fact in its answer text, whichever entry that is. Kefu answers or not by its own decision (a suggestion or a
 * decline is not an answer); a peer answers with its top entry when its score reaches the peer's cut-off.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Entry, KnowledgeBase } from '@kefu/knowledge-base';
import { devChoiceFor, thresholdText, type DatasetBudgets, type EngineSpec } from './dataset-bench.ts';
import type { Corpus, Ranking } from './engine.ts';
import { computeMetrics } from './metrics.ts';
import { runEngine } from './run-engine.ts';
import { markdownTable, ms, share } from './table.ts';

/** One question: the entry that fits it best and the fact (a substring of that entry's answer) it asks for. */
export interface SeedFact {
  q: string;
  id: string;
  fact: string;
}

/** The seed-fact questions with the knowledge base they are asked of. */
export interface SeedFactSet {
  name: string;
  /** The full knowledge base, answers included: the facts are looked up in it. */
  kb: KnowledgeBase;
  /** What the engines are built from (answers blanked, as for every other set). */
  corpus: Corpus;
  facts: SeedFact[];
}

/** Parses a seed-facts `queries.jsonl` (one `{"q","id","fact"}` per line); throws naming the file and line. */
export function parseSeedFacts(text: string, file: string): SeedFact[] {
  const out: SeedFact[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${basename(file)} line ${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    const { q, id, fact } = (row ?? {}) as Partial<Record<'q' | 'id' | 'fact', unknown>>;
    if (typeof q !== 'string' || q.trim() === '') throw new Error(`${where}: q must be a non-empty string`);
    if (typeof id !== 'string' || id === '') throw new Error(`${where}: id must be an entry id`);
    if (typeof fact !== 'string' || fact === '') throw new Error(`${where}: fact must be a non-empty string`);
    out.push({ q, id, fact });
  });
  return out;
}

/** Reads and parses a seed-facts file. */
export async function readSeedFacts(file: string): Promise<SeedFact[]> {
  return parseSeedFacts(await readFile(file, 'utf8'), file);
}

/** What an engine did with one question: the entry it answered with (null: declined or only suggested) and its top entry. */
export interface FactAnswer {
  answered: string | null;
  top: string | null;
}

/** How a set of answers fares; shares of all questions. */
export interface FactScore {
  n: number;
  /** Answered, and the answer text holds the fact. */
  withFact: number;
  /** Answered by the labelled entry. */
  byLabelled: number;
  /** Answered by another entry whose answer still holds the fact. */
  otherWithFact: number;
  /** Declined or only suggested. */
  notAnswered: number;
  /** The labelled entry ranked first (whatever the decision). */
  top1: number;
  /** The questions not answered with the fact. */
  misses: Array<{ fact: SeedFact; got: FactAnswer }>;
}

/** Han characters: a question with one is answered in Chinese, as the matcher decides. */
const HAN = /\p{Script=Han}/u;

/** The answer a visitor asking `q` reads from `entry`: the English one for a question without Chinese, when there is one. */
export function answerTextFor(entry: Entry, q: string): string {
  return !HAN.test(q) && entry.en ? entry.en.answer : entry.answer;
}

/** Scores `answers` (one per fact, same order) against the facts, looking answers up in `kb`. */
export function scoreFacts(facts: SeedFact[], answers: FactAnswer[], kb: KnowledgeBase): FactScore {
  if (answers.length !== facts.length) throw new Error(`scoreFacts: ${answers.length} answers for ${facts.length} questions`);
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  let withFact = 0;
  let byLabelled = 0;
  let otherWithFact = 0;
  let notAnswered = 0;
  let top1 = 0;
  const misses: FactScore['misses'] = [];
  facts.forEach((fact, i) => {
    const got = answers[i] ?? { answered: null, top: null };
    if (got.top === fact.id) top1 += 1;
    const entry = got.answered === null ? undefined : byId.get(got.answered);
    if (entry === undefined) notAnswered += 1;
    if (got.answered === fact.id) byLabelled += 1;
    if (entry !== undefined && answerTextFor(entry, fact.q).includes(fact.fact)) {
      withFact += 1;
      if (got.answered !== fact.id) otherWithFact += 1;
    } else misses.push({ fact, got });
  });
  const n = facts.length;
  const of = (k: number): number => (n === 0 ? Number.NaN : k / n);
  return { n, withFact: of(withFact), byLabelled: of(byLabelled), otherWithFact: of(otherWithFact), notAnswered: of(notAnswered), top1: of(top1), misses };
}

/** The answers under a decision: the engine's own (`null`) or its top entry when the top score reaches `threshold`. */
export function factAnswers(rankings: Ranking[], threshold: number | null): FactAnswer[] {
  return rankings.map((r) => {
    const top = r.candidates[0];
    const answered = threshold === null ? (r.answer ?? null) : top !== undefined && top.score >= threshold ? top.id : null;
    return { answered, top: top?.id ?? null };
  });
}

/** The cut-off on the top score that answers the most questions with their fact (ties keep the highest; Infinity = none). */
export function bestFactThreshold(facts: SeedFact[], rankings: Ranking[], kb: KnowledgeBase): number {
  const cuts = [...new Set(rankings.map((r) => r.candidates[0]?.score).filter((s): s is number => s !== undefined && Number.isFinite(s)))].sort((a, b) => b - a);
  let best = { threshold: Infinity, withFact: 0 };
  for (const threshold of cuts) {
    const { withFact } = scoreFacts(facts, factAnswers(rankings, threshold), kb);
    if (withFact > best.withFact) best = { threshold, withFact };
  }
  return best.threshold;
}

/** One engine's row. */
export interface SeedFactRow {
  name: string;
  role: 'kefu' | 'peer';
  /** Questions asked (every k-th when the engine was too slow for the budget). */
  stride: number;
  /** Kefu: its own decision; a peer: its development cut-off (null when choosing failed, see `devFailed`). */
  threshold: number | null;
  score: FactScore | null;
  devFailed?: string;
  /** Kefu: the best cut-off on its top score (reference); a peer: its oracle cut-off, tuned on these questions. */
  oracle: { threshold: number; score: FactScore };
  p99Ms: number;
}

/** Every engine on the seed-fact questions. */
export interface SeedFactResult {
  name: string;
  questions: number;
  rows: SeedFactRow[];
  failures: Array<{ name: string; reason: string }>;
  devWallMs: number;
}

/**
 * Builds each engine fresh on the set's corpus and asks every question. A peer's development cut-off is the one it
 * gets for the demo knowledge base's other sets (chosen on development folds of the FAQ, `devChoiceFor`; reused from
 * `budgets.devChoices` when those sets ran first).
 */
export async function benchSeedFacts(set: SeedFactSet, specs: EngineSpec[], budgets: DatasetBudgets = {}): Promise<SeedFactResult> {
  const rows: SeedFactRow[] = [];
  const failures: SeedFactResult['failures'] = [];
  let devWallMs = 0;
  const queries = set.facts.map((f) => ({ q: f.q, id: f.id }));
  for (const spec of specs) {
    let run;
    try {
      run = await runEngine(spec.factory, set.corpus, queries, budgets.queryMs === undefined ? {} : { budgetMs: budgets.queryMs });
    } catch (err) {
      failures.push({ name: spec.factory().name, reason: (err as Error).message });
      continue;
    }
    // With a stride, only every k-th question was asked: score those.
    const facts = set.facts.filter((_, i) => i % run.stride === 0).slice(0, run.outcomes.length);
    const rankings = run.outcomes.map((o) => o.ranking);
    const oracleThreshold = bestFactThreshold(facts, rankings, set.kb);
    const oracle = { threshold: oracleThreshold, score: scoreFacts(facts, factAnswers(rankings, oracleThreshold), set.kb) };
    const p99Ms = computeMetrics(run.outcomes, { kind: 'own' }).p99_ms;
    if (spec.role === 'kefu') {
      rows.push({ name: run.name, role: 'kefu', stride: run.stride, threshold: null, score: scoreFacts(facts, factAnswers(rankings, null), set.kb), oracle, p99Ms });
      continue;
    }
    const { outcome, wallMs } = await devChoiceFor(spec.factory, run.name, set.corpus.kb, budgets);
    devWallMs += wallMs;
    if ('failed' in outcome) {
      rows.push({ name: run.name, role: 'peer', stride: run.stride, threshold: null, score: null, devFailed: outcome.failed, oracle, p99Ms });
      continue;
    }
    const threshold = outcome.choice.threshold;
    rows.push({ name: run.name, role: 'peer', stride: run.stride, threshold, score: scoreFacts(facts, factAnswers(rankings, threshold), set.kb), oracle, p99Ms });
  }
  return { name: set.name, questions: set.facts.length, rows, failures, devWallMs };
}

/** One row per engine: Kefu with its own decision, each peer with its development cut-off, then the oracle column. */
export function seedFactsTable(result: SeedFactResult): string {
  const headers = [
    'engine',
    'questions',
    'cut-off',
    'answered with the fact',
    'by the labelled entry',
    'by another entry with the fact',
    'not answered',
    'top1 (labelled id)',
    'with the fact (oracle cut-off)',
    'p99 ms',
  ];
  const rows = result.rows.map((r) => {
    const n = r.oracle.score.n;
    const asked = r.stride > 1 ? `${n} (1 in ${r.stride})` : String(n);
    const s = r.score;
    return [
      r.name,
      asked,
      r.devFailed !== undefined ? 'failed' : r.role === 'kefu' ? 'own' : `${thresholdText(r.threshold)} (dev)`,
      s ? share(s.withFact) : '—',
      s ? share(s.byLabelled) : '—',
      s ? share(s.otherWithFact) : '—',
      s ? share(s.notAnswered) : '—',
      share(r.oracle.score.top1),
      `${share(r.oracle.score.withFact)} (${thresholdText(r.oracle.threshold)})`,
      ms(r.p99Ms),
    ];
  });
  for (const f of result.failures) rows.push([f.name, 'failed', '', '', '', '', '', '', '', f.reason]);
  return markdownTable(headers, rows);
}

/** The best peer by share answered with the fact, under its development cut-off or its oracle one. */
export function bestFactPeer(result: SeedFactResult, cut: 'dev' | 'oracle'): { name: string; value: number } | undefined {
  let best: { name: string; value: number } | undefined;
  for (const r of result.rows) {
    if (r.role !== 'peer') continue;
    const value = cut === 'dev' ? r.score?.withFact : r.oracle.score.withFact;
    if (value !== undefined && Number.isFinite(value) && (best === undefined || value > best.value)) best = { name: r.name, value };
  }
  return best;
}
