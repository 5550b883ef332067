/**
 * How much one edit of a knowledge base changes what the bot does about everything else. Each edit adds one entry
 * (taken from another dataset, at a random place, as a new entry lands in one of the content files) or removes one;
 * the matcher is rebuilt the way a deployment rebuilds it on a reload (index and calibration, with the previous
 * build's calibration passed on) and every held-out query about another entry is asked again. A query's decision is
 * "answer with entry X", "suggest" or "decline"; a change counts when neither the old nor the new decision is an
 * answer with the edited entry (a query that now gets the new entry, or lost the removed one, changed because of
 * what was edited, not as a side effect).
 */
import { performance } from 'node:perf_hooks';
import { createMatcher, type Entry, type KnowledgeBase, type Matcher, type MatcherOptions } from '@kefu/knowledge-base';
import type { BenchDataset } from './datasets.ts';
import type { BenchQuery } from './engine.ts';
import { createRng } from './rng.ts';
import { markdownTable, share } from './table.ts';

/** One edit and what it did. */
export interface EditOutcome {
  kind: 'add' | 'remove';
  /** The entry added or removed. */
  entry: string;
  /** Queries asked again (those not about the edited entry). */
  asked: number;
  /** Of those, how many got another decision. */
  changed: number;
  /** How many got another decision with the bar held where it was (what the edit's scores alone change). */
  changedAtSameBar: number;
  /** The answer bar before and after the edit. */
  barBefore: number;
  barAfter: number;
}

/** Everything measured on one knowledge base. */
export interface EditStability {
  name: string;
  edits: EditOutcome[];
  /** Mean over edits of the share of queries whose decision changed. */
  meanShare: number;
  /** The largest share one edit changed. */
  worstShare: number;
  /** Mean share changed when the bar is held where it was: the part of `meanShare` that is not the bar's doing. */
  meanShareAtSameBar: number;
  /** Edits that changed at least one decision. */
  editsWithChanges: number;
  /** Edits after which the answer bar was another one. */
  barMoves: number;
  /** Largest move of the answer bar one edit caused. */
  worstBarMove: number;
  ms: number;
}

/** How a deployment rebuilds its matcher: from the edited content and the matcher it was serving until then. */
export type Rebuild = (kb: KnowledgeBase, previous: Matcher) => Matcher;

export interface EditStabilityOptions {
  /** Number of random edits (half adds, half removals, in random order). */
  edits: number;
  /** Seed name: the same edits on every run. */
  seed: string;
  /** Entries an add takes from (ids are prefixed so they never clash). */
  donors: Entry[];
  /** Ask at most this many queries (an evenly spaced sample), to keep the run short. */
  maxQueries?: number;
  /** Matcher options for every build (default: the shipped configuration). */
  matcher?: MatcherOptions;
  /** How a reload rebuilds (default: `createMatcher(kb, { ...matcher, previous: previous.calibration })`). */
  rebuild?: Rebuild;
}

/** The decision as a key: the answered entry's id, or the decision's name. */
export function decisionKey(matcher: Matcher, q: string): string {
  const r = matcher.match(q);
  return r.decision === 'answer' ? `answer:${r.entry!.id}` : r.decision;
}

const sampled = <T>(items: T[], max: number | undefined): T[] => {
  if (max === undefined || items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
};

/** Runs `options.edits` seeded random edits on `kb`, each from the unedited knowledge base, and counts changed decisions. */
export function measureEditStability(name: string, kb: KnowledgeBase, queries: BenchQuery[], options: EditStabilityOptions): EditStability {
  const started = performance.now();
  const rng = createRng(`edit-stability:${options.seed}:${name}`);
  const matcherOptions = options.matcher ?? {};
  const rebuild: Rebuild = options.rebuild ?? ((edited, previous) => createMatcher(edited, { ...matcherOptions, previous: previous.calibration }));
  const asked = sampled(queries, options.maxQueries);
  const base = createMatcher(kb, matcherOptions);
  const before = asked.map((q) => decisionKey(base, q.q));
  const usedIds = new Set(kb.entries.map((e) => e.id));
  const donors = options.donors.filter((d) => !usedIds.has(`edit-${d.id}`));
  const edits: EditOutcome[] = [];
  for (let n = 0; n < options.edits; n++) {
    const add = donors.length > 0 && (kb.entries.length < 3 || rng.next() < 0.5);
    let edited: KnowledgeBase;
    let entry: string;
    if (add) {
      const donor = rng.pick(donors);
      entry = `edit-${donor.id}`;
      const at = rng.int(kb.entries.length + 1);
      const entries = [...kb.entries.slice(0, at), { ...donor, id: entry, followUps: [] }, ...kb.entries.slice(at)];
      edited = { ...kb, entries };
    } else {
      const at = rng.int(kb.entries.length);
      entry = kb.entries[at]!.id;
      const entries = kb.entries.filter((_, i) => i !== at).map((e) => (e.followUps.includes(entry) ? { ...e, followUps: e.followUps.filter((id) => id !== entry) } : e));
      edited = { ...kb, entries, welcome: kb.welcome.filter((id) => id !== entry) };
    }
    const matcher = rebuild(edited, base);
    const sameBar = createMatcher(edited, { ...matcherOptions, thresholds: base.calibration.thresholds, previous: base.calibration });
    const mine = `answer:${entry}`;
    let count = 0;
    let changed = 0;
    let changedAtSameBar = 0;
    asked.forEach((q, i) => {
      if (q.id === entry) return;
      count++;
      const was = before[i]!;
      if (was === mine) return;
      const now = decisionKey(matcher, q.q);
      if (now !== was && now !== mine) changed++;
      const held = decisionKey(sameBar, q.q);
      if (held !== was && held !== mine) changedAtSameBar++;
    });
    edits.push({ kind: add ? 'add' : 'remove', entry, asked: count, changed, changedAtSameBar, barBefore: base.calibration.thresholds.answer, barAfter: matcher.calibration.thresholds.answer });
  }
  const shares = edits.map((e) => e.changed / Math.max(1, e.asked));
  const moves = edits.map((e) => Math.abs(e.barAfter - e.barBefore));
  return {
    name,
    edits,
    meanShare: shares.reduce((s, x) => s + x, 0) / Math.max(1, shares.length),
    worstShare: Math.max(0, ...shares),
    meanShareAtSameBar: edits.reduce((sum, e) => sum + e.changedAtSameBar / Math.max(1, e.asked), 0) / Math.max(1, edits.length),
    editsWithChanges: edits.filter((e) => e.changed > 0).length,
    barMoves: moves.filter((m) => m > 1e-9).length,
    worstBarMove: Math.max(0, ...moves),
    ms: performance.now() - started,
  };
}

/** One row per knowledge base: edits, queries, mean and worst share changed, bar moves. */
export function editStabilityTable(rows: EditStability[]): string {
  return markdownTable(
    ['knowledge base', 'edits (add / remove)', 'queries asked', 'mean changed', 'worst edit', 'mean at the old bar', 'edits changing any', 'bar moved', 'largest bar move', 'time s'],
    rows.map((r) => {
      const adds = r.edits.filter((e) => e.kind === 'add').length;
      const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
      return [
        r.name,
        `${r.edits.length} (${adds} / ${r.edits.length - adds})`,
        String(Math.max(0, ...r.edits.map((e) => e.asked))),
        pct(r.meanShare),
        pct(r.worstShare),
        pct(r.meanShareAtSameBar),
        String(r.editsWithChanges),
        String(r.barMoves),
        share(r.worstBarMove),
        (r.ms / 1000).toFixed(1),
      ];
    }),
  );
}

/** Datasets that share their entries (xsid-zh-heldout-oos is part of xsid-zh) never give each other one. */
const FAMILY = (name: string): string => name.replace(/-heldout-oos$/, '');

/** Where the entries added to `dataset` come from: every other dataset of another family, in its languages. */
export function donorsFor(dataset: BenchDataset, all: BenchDataset[]): Entry[] {
  const hasHan = (kb: KnowledgeBase): boolean => kb.entries.some((e) => /\p{Script=Han}/u.test(e.question));
  const hasLatin = (kb: KnowledgeBase): boolean => kb.entries.some((e) => !/\p{Script=Han}/u.test(e.question) || e.en !== undefined);
  const zh = hasHan(dataset.corpus.kb);
  const en = hasLatin(dataset.corpus.kb);
  return all
    .filter((d) => FAMILY(d.name) !== FAMILY(dataset.name) && ((zh && hasHan(d.corpus.kb)) || (en && hasLatin(d.corpus.kb))))
    .flatMap((d) => d.corpus.kb.entries);
}

/** The knowledge bases measured (the demo's other query sets ask the same knowledge base as `demo`). */
export const EDIT_SETS = ['banking77', 'clinc150', 'xsid-zh', 'xsid-zh-heldout-oos', 'demo'];

/** Edit stability of each dataset of `EDIT_SETS` in the run, asked its own test queries (at most `maxQueries`); `progress` per dataset. */
export function benchEditStability(all: BenchDataset[], edits: number, maxQueries: number, progress: (line: string) => void = () => {}): EditStability[] {
  const datasets = all.filter((d) => EDIT_SETS.includes(d.name));
  return datasets.map((d) => {
    progress(`edit stability: ${d.name}, ${edits} edits`);
    return measureEditStability(d.name, d.corpus.kb, d.queries, { edits, seed: 'bench', donors: donorsFor(d, datasets), maxQueries });
  });
}
