/** Short hashes of entries: where an entry goes in the folds, and whether it has been reworded since a build. */
import { entryPhrasings } from '../load/phrasings.ts';
import type { Entry } from '../types.ts';

/** FNV-1a of an entry id: where the entry goes in the folds does not depend on where it sits in the files. */
export function idHash(id: string, salt = 0): number {
  let h = (0x811c9dc5 ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A short hash of how an entry is worded (its phrasings). */
export const wordingOf = (e: Entry): string => idHash(entryPhrasings(e).join('\n')).toString(36);
