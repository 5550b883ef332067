/** English words → stems, without the greetings and politeness that never tell two questions apart. */
/// <reference path="./porter-stemmer.d.ts" />
// Only natural's Porter stemmer: the package's index loads every classifier, corpus and language it has
// (about 1.2 s and 80 MB at start), and the stemmer's own file needs none of them.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Deliberately tiny: a longer list (natural's, or the usual function words) measured worse on the development
// split, because "how/why/not/my" change the intent and idf already discounts the common ones.
const STOP_WORDS = new Set('a an the please pls plz hi hello hey thanks thank thx'.split(' '));

const stems = new Map<string, string>();

/** Porter stem with a bounded cache (stemming is the costly part of English tokenising). */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = PorterStemmer.stem(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, out);
  }
  return out;
}

/** True for words dropped before indexing. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
