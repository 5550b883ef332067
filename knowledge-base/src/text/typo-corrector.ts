/** Fixes one-letter typos in query words against the knowledge base's own vocabulary (symmetric-delete lookup). */

/** Maps an unknown word to the most frequent known word within one edit (insert, delete, substitute, swap). */
export interface TypoCorrector {
  correct(word: string): string;
}

const MIN_LENGTH = 4;

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b are at most one insert, delete, substitution or adjacent swap apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Indexes `words` (with repeats: frequency breaks ties). */
export function createTypoCorrector(words: Iterable<string>): TypoCorrector {
  const freq = new Map<string, number>();
  for (const w of words) if (w.length >= MIN_LENGTH - 1) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byDelete = new Map<string, string[]>();
  const add = (key: string, word: string): void => {
    const list = byDelete.get(key);
    if (!list) byDelete.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  for (const w of freq.keys()) {
    add(w, w);
    for (const d of deletes(w)) add(d, w);
  }
  const cache = new Map<string, string>();
  return {
    correct(word: string): string {
      if (word.length < MIN_LENGTH || freq.has(word) || !/^[a-z]+$/.test(word)) return word;
      const hit = cache.get(word);
      if (hit !== undefined) return hit;
      let best = word;
      let bestFreq = 0;
      for (const key of [word, ...deletes(word)]) {
        for (const known of byDelete.get(key) ?? []) {
          const f = freq.get(known) ?? 0;
          if (f > bestFreq && withinOneEdit(word, known)) {
            best = known;
            bestFreq = f;
          }
        }
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(word, best);
      return best;
    },
  };
}
