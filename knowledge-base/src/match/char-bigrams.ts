/** Character-pair fingerprints of normalised text, compared by Dice overlap: cheap typo- and word-order-tolerant similarity. */

/** Sorted codes of the adjacent character pairs of `text` (spaces dropped, so word splits do not matter). */
export function charBigramCodes(text: string): Int32Array {
  const s = text.replace(/ /g, '');
  if (s.length === 0) return new Int32Array(0);
  if (s.length === 1) return Int32Array.of(s.charCodeAt(0));
  const codes = new Int32Array(s.length - 1);
  for (let i = 0; i < s.length - 1; i++) codes[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
  return codes.sort();
}

/** Dice coefficient of two sorted code multisets, 0..1; `b` may be the slice `b[bStart..bEnd)` of a larger array. */
export function dice(a: Int32Array, b: Int32Array, bStart = 0, bEnd = b.length): number {
  const total = a.length + bEnd - bStart;
  if (total === 0) return 0;
  let i = 0;
  let j = bStart;
  let common = 0;
  while (i < a.length && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / total;
}
