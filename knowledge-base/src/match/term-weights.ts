/**
 * Word weights kept from build to build. Every score weighs the words a question shares with an entry by how rare they
 * are in the knowledge base, and rarity depends on every entry: removing one entry made its words rarer for all the
 * others and tipped near-ties on questions about them (on banking77, one removal turned 14 of 987 unrelated
 * decisions). A rebuild given the previous build's weights (`Calibration.terms`) therefore keeps them for every word
 * both know, as it keeps the bar; words new to the knowledge base are weighed on the new content. When the content has
 * moved far from the weights (many entries edited since they were fitted), they are fitted afresh, and the
 * calibration says so (`termsFrom`).
 */
import type { Entry, TermWeights, TermWeightsOrigin } from '../types.ts';
import { wordingOf } from './entry-hash.ts';

/**
 * Above this mean relative change of the shared words' weights, the kept weights no longer describe the content and are
 * fitted afresh, once more than `EDITS_ALWAYS_KEPT` entries differ from those they were fitted on. Replacing a large
 * part of a knowledge base moves them past it.
 */
export const TERM_DRIFT_LIMIT = 0.05;
/**
 * However far the weights moved, this many added, removed or reworded entries since the fit keep them: in a knowledge
 * base of nine short commands one added entry moved them 5.6 % (as much as removing three), and refitting then flipped
 * 1.2 % of the decisions about the other entries.
 */
export const EDITS_ALWAYS_KEPT = 1;

/** Each entry's wording (`wordingOf`) by id: the content a set of weights was fitted on. */
const wordings = (entries: readonly Entry[]): Record<string, string> => Object.fromEntries(entries.map((e) => [e.id, wordingOf(e)]));

/** Entries added, removed or reworded from `then` to `now`. */
function editsBetween(then: Record<string, string>, now: Record<string, string>): number {
  let edits = 0;
  for (const [id, w] of Object.entries(now)) if (then[id] !== w) edits++;
  for (const id of Object.keys(then)) if (!Object.hasOwn(now, id)) edits++;
  return edits;
}

/**
 * Mean relative change from `previous`'s phrasing weights to `fresh` ones over the words both know (weighted by the old
 * weight); 0 when they share none. `at`: each of `previous`'s tokens to its position.
 */
function termDrift(tokens: readonly string[], fresh: ArrayLike<number>, previous: TermWeights, at: Map<string, number>): number {
  let moved = 0;
  let total = 0;
  tokens.forEach((t, id) => {
    const i = at.get(t);
    if (i === undefined) return;
    const old = previous.phrasing[i]!;
    moved += Math.abs(fresh[id]! - old);
    total += old;
  });
  return total > 0 ? moved / total : 0;
}

/** One build's use of the previous weights: decided on the phrasing weights, then applied to the entry weights too. */
export interface TermCarry {
  /** Overwrites `idf` (ids as in `tokens`) with the kept weights when the drift allows; returns the unknown-word weight to use. */
  phrasing(tokens: readonly string[], idf: Float64Array, unknown: number): number;
  /** The same for the entry-level weights, after `phrasing`. */
  entry(tokens: readonly string[], idf: Float64Array, unknown: number): number;
  /** What was done, when previous weights were given. */
  readonly origin: TermWeightsOrigin | undefined;
  /** The content the build's weights were fitted on: the previous one's when they were kept, else `entries`. */
  readonly fittedOn: Record<string, string>;
}

/** Carries `previous` (the replaced build's weights) into a build of `entries`; without them every weight is the build's own. */
export function carryTerms(previous: TermWeights | undefined, entries: readonly Entry[]): TermCarry {
  let origin: TermWeightsOrigin | undefined;
  const now = wordings(entries);
  const at = new Map(previous?.tokens.map((t, i) => [t, i]));
  const keep = (level: 'phrasing' | 'entry', tokens: readonly string[], idf: Float64Array): void => {
    const old = previous![level];
    tokens.forEach((t, id) => {
      const i = at.get(t);
      if (i !== undefined) idf[id] = old[i]!;
    });
  };
  return {
    phrasing(tokens, idf, unknown) {
      if (!previous) return unknown;
      const drift = termDrift(tokens, idf, previous, at);
      // Weights saved before they named their content: the drift alone decides.
      const edits = previous.fittedOn ? editsBetween(previous.fittedOn, now) : undefined;
      origin = { drift, kept: drift <= TERM_DRIFT_LIMIT || (edits !== undefined && edits <= EDITS_ALWAYS_KEPT), ...(edits !== undefined ? { edits } : {}) };
      if (!origin.kept) return unknown;
      keep('phrasing', tokens, idf);
      return previous.unknown[0];
    },
    entry(tokens, idf, unknown) {
      if (!origin?.kept) return unknown;
      keep('entry', tokens, idf);
      return previous!.unknown[1];
    },
    get origin() {
      return origin;
    },
    get fittedOn() {
      return origin?.kept && previous!.fittedOn ? previous!.fittedOn : now;
    },
  };
}

/** A build's weights as the plain record a calibration carries (and the server stores). */
export const termWeightsRecord = (tokens: Iterable<string>, phrasing: ArrayLike<number>, entry: ArrayLike<number>, unknown: [number, number], fittedOn: Record<string, string>): TermWeights => ({
  tokens: [...tokens],
  phrasing: Array.from(phrasing),
  entry: Array.from(entry),
  unknown,
  fittedOn,
});
