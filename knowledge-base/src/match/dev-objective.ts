/**
 * The development objective the matcher's thresholds are chosen by, at build time (`calibrate-thresholds.ts`) and
 * when the rule's shape is tuned (`kb tune`): accuracy with out-of-scope questions at a fixed share of traffic.
 */
import type { Thresholds } from '../types.ts';
import { decide, entryBarOf } from './decide.ts';

/** What the matcher said about one development query. */
export interface ScoredQuery {
  expected: string | null;
  /** Best, second candidate ids and scores. */
  top: string | null;
  inTop3: boolean;
  s1: number;
  s2: number;
  /** The query is one bare word (see `isBareKeyword`). */
  bare?: boolean;
  /** An out-of-scope query taken from an unrelated knowledge base (not a held-out entry of this one). */
  unrelated?: boolean;
  /** The entry the fold's matcher answered with its own (calibrated) thresholds; null when it did not answer. */
  answered?: string | null;
}

/**
 * Share of out-of-scope questions assumed in real traffic, for the development objective. The reported metric
 * (`accuracy` of `kb eval`) is plain accuracy over whatever mix a query set has; a development pool made of folds
 * holds about 55 % of out-of-scope queries, far more than visitors ask, so each set is reweighted to this
 * constant share instead of being counted as it comes (and instead of the 50 % of balanced accuracy, which made
 * the bot decline or merely suggest for most answerable questions).
 */
export const OOD_SHARE = 0.25;

/**
 * Of those, the share that are near misses (held-out entries of the same knowledge base: the same domain, no
 * answer); the rest are unrelated questions (phrasings of a knowledge base about something else). Only near misses
 * made the bar tuned for rejecting what no visitor of a focused FAQ asks most of the time.
 */
export const NEAR_MISS_SHARE = 0.5;

/** Mean over datasets (each counts once) of the accuracy of `t` (and entries' own bars) with out-of-scope queries at `OOD_SHARE` of traffic. */
export function devAccuracy(sets: ScoredQuery[][], t: Thresholds, entryBars?: Record<string, number>): number {
  return weightedAccuracy(sets, (q) => (decideScored(q, t, entryBars) === 'answer' ? q.top : null));
}

/** `decide` for a scored query, with its best entry's own bar when it has one. */
export const decideScored = (q: ScoredQuery, t: Thresholds, entryBars?: Record<string, number>) => decide(q.s1, q.s2, t, q.bare, entryBarOf(entryBars, q.top));

/**
 * The development objective for any decision: `answered` gives the entry the bot answered a query with (null: it
 * did not answer). In-scope queries count when answered with the expected entry, out-of-scope ones when not
 * answered; out-of-scope weighs `OOD_SHARE`, split between near misses and unrelated questions.
 */
export function weightedAccuracy<Q extends { expected: string | null; unrelated?: boolean }>(sets: Q[][], answered: (q: Q) => string | null): number {
  let sum = 0;
  for (const set of sets) {
    let inScope = 0;
    let right = 0;
    const ood = [0, 0];
    const rejected = [0, 0];
    for (const q of set) {
      const entry = answered(q);
      if (q.expected === null) {
        const kind = q.unrelated ? 1 : 0;
        ood[kind]!++;
        if (entry === null) rejected[kind]!++;
      } else {
        inScope++;
        if (entry === q.expected) right++;
      }
    }
    const answeredRight = right / Math.max(1, inScope);
    const near = ood[0]! > 0 ? rejected[0]! / ood[0]! : null;
    const far = ood[1]! > 0 ? rejected[1]! / ood[1]! : null;
    // A set with only one kind of out-of-scope query lets that kind stand for both.
    const declined = near === null ? far : far === null ? near : NEAR_MISS_SHARE * near + (1 - NEAR_MISS_SHARE) * far;
    sum += declined === null ? answeredRight : (1 - OOD_SHARE) * answeredRight + OOD_SHARE * declined;
  }
  return sum / sets.length;
}
