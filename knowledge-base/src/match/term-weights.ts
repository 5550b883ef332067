/**
 * Word weights kept from build to build. Every score weighs the words a question shares with an entry by how rare they
 * are in the knowledge base, and rarity depends on every entry: removing one entry made its words rarer for all the
 * others and tipped near-ties on questions about them (on banking77, one removal turned 14 of 987 unrelated
 * decisions). A rebuild given the previous build's weights (`Calibration.terms`) therefore keeps them for every word
 * both know, as it keeps the bar; words new to the knowledge base are weighed on the new content. When the content has
 * moved far from the weights (many entries edited since they were fitted), they are fitted afresh, and the
 * calibration says so (`termsFrom`).
 */
import type { TermWeights, TermWeightsOrigin } from '../types.ts';

/**
 * Above this mean relative change of the shared words' weights, the kept weights no longer describe the content and are
 * fitted afresh. One edit of the bench's knowledge bases moves them by well under this (see the matcher README), so a
 * single edit never refits; replacing a large part of a knowledge base does.
 */
export const TERM_DRIFT_LIMIT = 0.05;

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
}

/** Carries `previous` (the replaced build's weights) into a build; without them every weight is the build's own. */
export function carryTerms(previous: TermWeights | undefined): TermCarry {
  let origin: TermWeightsOrigin | undefined;
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
      origin = { drift, kept: drift <= TERM_DRIFT_LIMIT };
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
  };
}

/** A build's weights as the plain record a calibration carries (and the server stores). */
export const termWeightsRecord = (tokens: Iterable<string>, phrasing: ArrayLike<number>, entry: ArrayLike<number>, unknown: [number, number]): TermWeights => ({
  tokens: [...tokens],
  phrasing: Array.from(phrasing),
  entry: Array.from(entry),
  unknown,
});
