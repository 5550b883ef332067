/**
 * Finds known words in text, left to right, the longest one at each position, without overlaps: what a regular
 * expression of all the words as alternatives (longest first) finds, at a cost that does not grow with the number of
 * words (a synonym list plus the thesaurus is over a thousand of them, and every question and phrasing is scanned).
 * A word that starts or ends with a Latin letter or digit matches only on a word boundary there.
 */
const WORD_CHAR = /[a-z0-9_]/i;

export type LongestMatches = (text: string) => string[];

export function longestMatches(words: Iterable<string>): LongestMatches {
  const byFirst = new Map<string, string[]>();
  for (const word of new Set(words)) {
    if (word === '') continue;
    const list = byFirst.get(word[0]!) ?? [];
    list.push(word);
    byFirst.set(word[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const boundedAt = (text: string, start: number, end: number, word: string): boolean =>
    (!WORD_CHAR.test(word[0]!) || start === 0 || !WORD_CHAR.test(text[start - 1]!)) &&
    (!WORD_CHAR.test(word[word.length - 1]!) || end === text.length || !WORD_CHAR.test(text[end]!));
  return (text) => {
    const found: string[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = byFirst.get(text[i]!)?.find((w) => text.startsWith(w, i) && boundedAt(text, i, i + w.length, w));
      if (hit === undefined) i++;
      else {
        found.push(hit);
        i += hit.length;
      }
    }
    return found;
  };
}
