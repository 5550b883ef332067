/** Peer: plain fuse.js (Bitap fuzzy search) over each entry's question and alternates. */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { BenchEntry, Engine, Ranking } from '../engine.ts';

/** fuse.js with its defaults except `ignoreLocation` (questions do not start where queries do). */
export const FUSE_OPTIONS: IFuseOptions<BenchEntry> = {
  keys: ['question', 'alternates'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.6,
};

/** fuse.js scores 0 for a perfect match; the bench flips that so higher is better. */
export function createFusePeer(options: IFuseOptions<BenchEntry> = FUSE_OPTIONS): Engine {
  let fuse: Fuse<BenchEntry> | undefined;
  return {
    name: 'fuse.js',
    async build({ entries }) {
      fuse = new Fuse(entries, options);
    },
    rank(query): Ranking {
      if (!fuse) throw new Error('fuse peer used before build()');
      const hits = fuse.search(query, { limit: 5 });
      return { candidates: hits.map((h) => ({ id: h.item.id, score: 1 - (h.score ?? 1) })) };
    },
  };
}
