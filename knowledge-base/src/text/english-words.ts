/** English words → stems, without the greetings and politeness that never tell two questions apart. */
// Porter's 1980 algorithm (with the revisions of his own reference code: -bli → -ble, -logi → -log), from `stemmer`:
// one small file without dependencies.
import { stemmer } from 'stemmer';

// Deliberately tiny: a longer list (natural's, or the usual function words) measured worse on the development
// split, because "how/why/not/my" change the intent and idf already discounts the common ones.
const STOP_WORDS = new Set('a an the please pls plz hi hello hey thanks thank thx'.split(' '));

const stems = new Map<string, string>();

/** Porter stem with a bounded cache (stemming is the costly part of English tokenising). */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = stemmer(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, out);
  }
  return out;
}

/** True for words dropped before indexing. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
