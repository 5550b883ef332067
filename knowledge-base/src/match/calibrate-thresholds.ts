/**
 * Fits the decision rule to one knowledge base. Scores are on one 0..1 scale, but how high a right answer scores
 * depends on the content: a FAQ with many long phrasings per entry gives visitors' questions high scores, one with
 * a few short commands full of names and times gives them low ones. The rule's shape (answer bar, lead, floor) is
 * tuned once on pooled development data (`kb tune`); its scale is chosen here, at build time, on the knowledge
 * base's own development folds, never on anything a visitor asked.
 */
import type { Calibration, Entry, EntryBarRaise, KnowledgeBase, MatcherOptions, ScoringWeights, Thresholds } from '../types.ts';
import { languagesOf, phrasingsOf } from '../load/phrasings.ts';
import { isBareKeyword } from './bare-keyword.ts';
import type { DevFold } from './dev-folds.ts';
import { decideScored, devAccuracy, NEAR_MISS_SHARE, OOD_SHARE, type ScoredQuery } from './dev-objective.ts';
import { buildEntryIndex } from './entry-index.ts';
import { idHash, wordingOf } from './entry-hash.ts';
import { carryTerms, type TermCarry } from './term-weights.ts';
import { createRanker } from './rank-entries.ts';
import { rememberIndexedText, type TextPipeline } from './text-pipeline.ts';
import { createSentenceMemo } from '../semantic/sentence-memo.ts';
import { semanticVectors } from '../semantic/semantic-layer.ts';
import { UNRELATED_QUESTIONS_EN, UNRELATED_QUESTIONS_ZH } from './unrelated-questions.ts';

/** Scales tried, lowest first: below 0.3 the answer bar would sit in the noise of unrelated questions. */
const SCALES = Array.from({ length: 27 }, (_, i) => Math.round((0.3 + 0.05 * i) * 100) / 100);
/** Larger knowledge bases are calibrated on this many entries (chosen by a hash of their ids), so a build stays fast. */
export const CALIBRATION_ENTRIES = 300;
/** Fewer in-scope questions or near misses than this say too little (a knowledge base of a few entries): the base rule is kept. */
const MIN_QUERIES = 10;
/** Calibration keeps declining at least this share of the small-talk questions (when the base rule does). */
const MIN_SMALL_TALK_DECLINED = 0.9;
/** Development folds, as in `kb tune`. */
const FOLDS = 5;
/** Fold assignments (hash salts) pooled: three times the questions, so one entry's questions weigh a third as much. */
const SPLITS = 3;
/** Scales closer than this to the best development accuracy (half a point), or than one entry's questions weigh, are as good as the best. */
const MIN_CLEAR_GAIN = 0.005;
/** The previous build's scale stays while within this many bands of the best. */
const KEEP_BAND = 2;
/** …and while it declines at most this share of small talk fewer than the guard asks (without it, about half of the bench edits of xsid-zh-heldout-oos moved its bar). */
const KEEP_GUARD_SLACK = 0.05;
/**
 * A reload gives at most this share of the entries (and at least 3) a bar of their own: an edit touches a few; when many
 * entries draw more small talk than before, the served bar no longer fits the content and is chosen afresh.
 */
const MAX_RAISED_SHARE = 0.05;

export const scaleThresholds = (t: Thresholds, k: number): Thresholds => ({
  answer: t.answer * k,
  margin: t.margin,
  marginFloor: t.marginFloor * k,
  suggest: t.suggest * k,
});

/** At most `max` entries, the ones with the lowest id hashes (the knowledge base itself when it is small enough): adding or removing one entry changes at most one of them. */
function sample(kb: KnowledgeBase, max: number): KnowledgeBase {
  if (kb.entries.length <= max) return kb;
  const keep = new Set(kb.entries.map((e) => [idHash(e.id), e.id] as const).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)).slice(0, max).map(([, id]) => id));
  return { ...kb, entries: kb.entries.filter((e) => keep.has(e.id)) };
}

/** Takes phrasing number `pick` out of question + alternates; null when there is only one phrasing. */
function takeOut(question: string, alternates: string[], pick: number): { question: string; alternates: string[]; query: string } | null {
  const all = [question, ...alternates];
  if (all.length < 2) return null;
  const at = pick % all.length;
  return { question: all[at === 0 ? 1 : 0]!, alternates: all.filter((_, i) => i !== at && i !== (at === 0 ? 1 : 0)), query: all[at]! };
}

/**
 * The development folds of `devSplit` (a fifth of the entries held out as near misses, one phrasing of every other
 * entry asked as an in-scope question), except that an entry's fold and the phrasing it gives up follow from a hash
 * of its id, not its position: adding or removing one entry leaves every other entry's questions as they were.
 */
export function calibrationFolds(kb: KnowledgeBase, folds = FOLDS, salt = 0): DevFold[] {
  const hashes = kb.entries.map((e) => idHash(e.id, salt));
  const holdOut = kb.entries.length >= folds;
  return Array.from({ length: folds }, (_, f) => {
    const entries: Entry[] = [];
    const queries: DevFold['queries'] = [];
    kb.entries.forEach((entry, i) => {
      const h = hashes[i]!;
      if (holdOut && h % folds === f) {
        for (const q of [entry.question, ...entry.alternates]) queries.push({ q, id: null });
        if (entry.en) for (const q of [entry.en.question, ...entry.en.alternates]) queries.push({ q, id: null });
        return;
      }
      const pick = Math.floor(h / folds) + f;
      const copy: Entry = { ...entry };
      const zh = takeOut(entry.question, entry.alternates, pick);
      if (zh) {
        copy.question = zh.question;
        copy.alternates = zh.alternates;
        queries.push({ q: zh.query, id: entry.id });
      }
      if (entry.en) {
        const en = takeOut(entry.en.question, entry.en.alternates, pick);
        if (en) {
          copy.en = { ...entry.en, question: en.question, alternates: en.alternates };
          queries.push({ q: en.query, id: entry.id });
        }
      }
      entries.push(copy);
    });
    return { kb: { ...kb, entries }, queries };
  });
}

/** The unrelated questions in the languages `kb` is written in, minus any it has as a phrasing. */
function unrelatedFor(kb: KnowledgeBase): string[] {
  const phrasings = phrasingsOf(kb);
  const own = new Set(phrasings.map((p) => p.toLowerCase()));
  const langs = languagesOf(phrasings);
  const out = [...(langs.has('zh-CN') ? UNRELATED_QUESTIONS_ZH : []), ...(langs.has('en') ? UNRELATED_QUESTIONS_EN : [])];
  return out.filter((q) => !own.has(q));
}

/** What `t` (and entries' own bars) does with a development query, as a key: the entry answered, or whether it would suggest or decline. */
const decisionOf = (q: ScoredQuery, t: Thresholds, bars?: Record<string, number>): string => {
  const d = decideScored(q, t, bars);
  return d === 'answer' ? `=${q.top ?? ''}` : d;
};

/** How many of `questions` each entry answers under `t` and `bars`, and the highest score among them. */
function answeredBy(questions: ScoredQuery[], t: Thresholds, bars?: Record<string, number>): Map<string, { n: number; top: number }> {
  const by = new Map<string, { n: number; top: number }>();
  for (const q of questions) {
    if (q.top === null || decideScored(q, t, bars) !== 'answer') continue;
    const d = by.get(q.top) ?? { n: 0, top: 0 };
    d.n++;
    d.top = Math.max(d.top, q.s1);
    by.set(q.top, d);
  }
  return by;
}

/**
 * Each entry that answers more of the small talk at the served rule than it did in the build being replaced (the
 * entry just added, or the one that took over a removed entry's share) gets a bar of its own, just above the small
 * talk it answers that the base rule would not: what the edit drew stays with the edited entry instead of moving every
 * entry's bar, and no entry's own bar is stricter than the base rule (small talk the base rule answers too is
 * something the entry is about: 忘记密码怎么办 for an entry on passwords).
 */
function barsForDrawing(smallTalk: ScoredQuery[], served: Thresholds, base: Thresholds, bars: Record<string, number>, before: Record<string, number>): { bars: Record<string, number>; raised: EntryBarRaise[] } {
  const next = { ...bars };
  const raised: EntryBarRaise[] = [];
  const beyondBase = answeredBy(smallTalk.filter((q) => decideScored(q, base) !== 'answer'), served, bars);
  for (const [id, d] of answeredBy(smallTalk, served, bars)) {
    const beyond = beyondBase.get(id);
    const answeredBefore = Object.hasOwn(before, id) ? before[id]! : 0;
    if (d.n <= answeredBefore || beyond === undefined) continue;
    const bar = Math.ceil(beyond.top * 1000 + 1) / 1000;
    next[id] = bar;
    raised.push({ id, bar, smallTalk: beyond.n });
  }
  return { bars: next, raised };
}

/**
 * The entries' own bars still needed: an entry reworded since its bar was given (`reworded`) keeps it while, without
 * it, it would answer small talk at the served rule that the base rule declines; one whose new phrasings draw none
 * answers from the served bar again (a bar kept for nothing would only decline the questions it is written for).
 * An entry not reworded keeps its bar: what it drew has not changed.
 */
function barsStillNeeded(smallTalk: ScoredQuery[], served: Thresholds, base: Thresholds, bars: Record<string, number>, reworded: (id: string) => boolean): { bars: Record<string, number>; lowered: string[] } {
  const ids = Object.keys(bars).filter(reworded);
  if (ids.length === 0) return { bars, lowered: [] };
  const drawing = answeredBy(smallTalk.filter((q) => decideScored(q, base) !== 'answer'), served);
  const lowered = ids.filter((id) => !drawing.has(id));
  return { bars: Object.fromEntries(Object.entries(bars).filter(([id]) => !lowered.includes(id))), lowered };
}

/**
 * The scale of `base` for `kb`, chosen on `kb`'s folds (three fold assignments pooled): one phrasing of each kept entry
 * asked as an in-scope question, the phrasings of held-out entries as near misses, and small talk
 * (`unrelated-questions.ts`) as unrelated questions; out-of-scope weighted as in `kb tune`. `previous` is the
 * calibration of the build this one replaces: its scale stays unless another is clearly better (`change` then says
 * by how much the bar moved and how many development questions it decides otherwise). `pipeline` is the whole
 * knowledge base's, so the folds cut words as the matcher will (and jieba loads once).
 */
export function calibrateThresholds(kb: KnowledgeBase, base: Thresholds, weights: ScoringWeights, options: MatcherOptions, pipeline: TextPipeline, previous?: Calibration): Calibration {
  const normalise = options.normalise ?? true;
  const scored: ScoredQuery[] = [];
  const unrelated = unrelatedFor(kb);
  const sampled = sample(kb, CALIBRATION_ENTRIES);
  const folds = Array.from({ length: SPLITS }, (_, salt) => calibrationFolds(sampled, FOLDS, salt)).flat();
  // Every fold indexes and asks phrasings the others index and ask too: each is cut once, read by the vector tables
  // once, and each pair of words is compared once.
  const indexing = rememberIndexedText(pipeline);
  const memo = createSentenceMemo(semanticVectors(options));
  const ask = (part: KnowledgeBase, questions: Array<{ q: string; id: string | null }>, isUnrelated: boolean, carry?: TermCarry): void => {
    // Only ranked, never matched: no off-topic words to look for (they act in `match`).
    const rank = createRanker(buildEntryIndex(part, { ...options, offTopic: false }, indexing, carry, memo), weights, options.fuzzy ?? true, memo);
    for (const { q, id } of questions) {
      const [first, second] = rank(q);
      scored.push({
        expected: id,
        top: first ? part.entries[first.entry]!.id : null,
        inTop3: false,
        s1: first?.score ?? 0,
        s2: second?.score ?? 0,
        bare: isBareKeyword(q, normalise),
        unrelated: isUnrelated,
      });
    }
  };
  for (const fold of folds) ask(fold.kb, fold.queries, false);
  // Small talk is about none of the entries: it is asked of the whole knowledge base, as visitors ask it, weighed as
  // the matcher will weigh it (the entry bars below are set on these scores).
  ask(sampled, unrelated.map((q) => ({ q, id: null })), true, sampled === kb ? carryTerms(previous?.terms, kb.entries) : undefined);
  const inScope = scored.filter((q) => q.expected !== null).length;
  const nearMisses = scored.filter((q) => q.expected === null && !q.unrelated).length;
  if (inScope < MIN_QUERIES || nearMisses < MIN_QUERIES) return { thresholds: base, scale: 1, queries: 0 };
  // A lower bar answers more small talk: it may do so for at most one small-talk message in ten, or for no more
  // of them than the base rule already does (a knowledge base whose content is small talk keeps its answers).
  const smallTalk = scored.filter((q) => q.unrelated);
  const declinedShare = (t: Thresholds, bars?: Record<string, number>): number => smallTalk.filter((q) => decideScored(q, t, bars) !== 'answer').length / smallTalk.length;
  const mustDecline = smallTalk.length === 0 ? 0 : Math.min(MIN_SMALL_TALK_DECLINED, declinedShare(base));
  const allowed = SCALES.filter((scale) => smallTalk.length === 0 || declinedShare(scaleThresholds(base, scale)) >= mustDecline);
  const objectives = new Map(allowed.map((scale) => [scale, devAccuracy([scored], scaleThresholds(base, scale))]));
  const best = Math.max(...objectives.values());
  // Scales whose objective is within what one entry's development questions weigh (0.875 / entries: what adding or
  // removing one entry can move by itself) are ones the folds cannot tell apart. Among them the lowest bar: a fold's
  // in-scope questions are the content's own phrasings, closer to their entry than visitors' questions are, so the
  // folds' best bar is a high estimate (on the demo's low-overlap development questions, lower bars answer more).
  const oneEntry = (1 - OOD_SHARE + OOD_SHARE * NEAR_MISS_SHARE) / Math.max(1, Math.min(kb.entries.length, CALIBRATION_ENTRIES));
  const band = Math.max(MIN_CLEAR_GAIN, oneEntry);
  const fitted = allowed.find((scale) => objectives.get(scale)! >= best - band) ?? 1;
  // A rebuild keeps the previous scale until it falls twice as far behind: the lowest scale of the band sits at its
  // edge, and an edit that moves the objective a little must not push the served bar out (hysteresis).
  // The small-talk guard bends for the scale in service: an edit that moves its share of declined small talk a little
  // below the guard (a few of ~120 questions) does not move the bar; a fresh choice still has to meet the guard. An
  // edit that makes some entry answer clearly more small talk gives that entry a bar of its own instead.
  let keep = false;
  let bars: Record<string, number> = {};
  let raised: EntryBarRaise[] = [];
  let lowered: string[] = [];
  if (previous !== undefined && previous.queries > 0) {
    const served = scaleThresholds(base, previous.scale);
    const byId = new Map(kb.entries.map((e) => [e.id, e]));
    const ids = new Set(byId.keys());
    bars = Object.fromEntries(Object.entries(previous.entryBars ?? {}).filter(([id]) => ids.has(id)));
    const wordedThen = previous.barWording ?? {};
    const reworded = (id: string): boolean => Object.hasOwn(wordedThen, id) && wordedThen[id] !== wordingOf(byId.get(id)!);
    ({ bars, lowered } = barsStillNeeded(smallTalk, scaleThresholds(base, previous.scale), base, bars, reworded));
    const floor = mustDecline - KEEP_GUARD_SLACK;
    // A calibration saved before entries' own bars were counted says nothing about who drew what: a fresh choice then.
    if (smallTalk.length > 0 && declinedShare(served, bars) < floor && previous.smallTalk !== undefined) {
      const drawing = barsForDrawing(smallTalk, served, base, bars, previous.smallTalk);
      if (drawing.raised.length <= Math.max(3, Math.ceil(MAX_RAISED_SHARE * sampled.entries.length))) ({ bars, raised } = drawing);
    }
    const guarded = smallTalk.length === 0 || declinedShare(served, bars) >= floor;
    keep = guarded && devAccuracy([scored], served, bars) >= best - KEEP_BAND * band;
  }
  if (!keep) {
    bars = {};
    raised = [];
    lowered = [];
  }
  const scale = keep ? previous!.scale : fitted;
  const thresholds = scaleThresholds(base, scale);
  const calibration: Calibration = { thresholds, scale, queries: scored.length, fitted, objective: devAccuracy([scored], thresholds, bars) };
  if (Object.keys(bars).length > 0) {
    calibration.entryBars = bars;
    // How each was worded when its bar was given (kept from the previous build for the bars it already had).
    const raisedNow = new Set(raised.map((r) => r.id));
    const wording = Object.fromEntries(
      Object.keys(bars).flatMap((id) => {
        const w = raisedNow.has(id) ? wordingOf(kb.entries.find((e) => e.id === id)!) : previous?.barWording?.[id];
        return w === undefined ? [] : [[id, w] as const];
      }),
    );
    if (Object.keys(wording).length > 0) calibration.barWording = wording;
  }
  if (raised.length > 0) calibration.raised = raised;
  if (lowered.length > 0) calibration.lowered = lowered;
  calibration.smallTalk = Object.fromEntries([...answeredBy(smallTalk, thresholds, bars)].map(([id, d]) => [id, d.n]));
  if (previous !== undefined && Math.abs(previous.scale - scale) > 1e-9) {
    // What the change does to this knowledge base's own development questions, for the log of a reload.
    const before = previous.thresholds;
    const flips = scored.filter((q) => decisionOf(q, before, previous.entryBars) !== decisionOf(q, thresholds, bars)).length;
    calibration.change = { from: previous.scale, to: scale, barFrom: before.answer, barTo: thresholds.answer, flips, asked: scored.length };
  }
  return calibration;
}

/**
 * `previous` carried onto new content as it stands, without asking the folds (`calibrate: 'keep'`): what a reload
 * serves during the seconds its own fit takes, and all it needs when only answers changed. Entries that are gone
 * lose their own bars; the word weights are the new build's (`withTerms`).
 */
export function keptCalibration(kb: KnowledgeBase, previous: Calibration): Calibration {
  const { change: _change, raised: _raised, lowered: _lowered, termsFrom: _termsFrom, terms: _terms, entryBars, barWording, smallTalk, ...kept } = previous;
  const ids = new Set(kb.entries.map((e) => e.id));
  const present = <T>(record: Record<string, T> | undefined): Record<string, T> | undefined => {
    const left = Object.entries(record ?? {}).filter(([id]) => ids.has(id));
    return left.length > 0 ? Object.fromEntries(left) : undefined;
  };
  const bars = present(entryBars);
  const wording = present(barWording);
  const drawn = smallTalk && (present(smallTalk) ?? {});
  return { ...kept, ...(bars ? { entryBars: bars } : {}), ...(wording ? { barWording: wording } : {}), ...(drawn ? { smallTalk: drawn } : {}) };
}
