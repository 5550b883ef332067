/** English words → stems, without the function words that never tell two questions apart. */
import natural from 'natural';

// Deliberately short: question words (how, why, when, where) and negations stay, they change intent.
const STOP_WORDS = new Set(
  ('a an the to of is are am was were be been being i me my mine myself you your yours it its this that these those ' +
    'please pls plz hi hello hey thanks thank thx ok okay so just and or but for in on at by with from as ' +
    'do does did can could would will shall should may might must im ive id ill youre there here some any ' +
    'up about into very really also too let us our we he she they them their his her him s t d ll re ve m')
    .split(' '),
);

const stems = new Map<string, string>();

/** Porter stem with a bounded cache (stemming is the costly part of English tokenising). */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = natural.PorterStemmer.stem(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, out);
  }
  return out;
}

/** True for words dropped before indexing. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
