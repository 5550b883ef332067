/** The cheapest cut of a text into the pieces a vector table knows: how both tables read a sentence. */

/** Scratch space of the split, reused by every call (grown for a longer text). */
let cost = new Float64Array(64);
let back = new Int32Array(64);
let rowAt = new Int32Array(64);

/**
 * Appends to `out`, in reading order, the rows of the cheapest cut of `text` into pieces of `rows` (at most `longest`
 * characters, each costing `costOf(row)`); a character no piece covers is skipped at `skipCost`.
 */
export function appendBestSplit(text: string, rows: ReadonlyMap<string, number>, costOf: (row: number) => number, longest: number, skipCost: number, out: number[]): void {
  const n = text.length;
  if (cost.length < n + 1) {
    cost = new Float64Array(2 * n + 2);
    back = new Int32Array(2 * n + 2);
    rowAt = new Int32Array(2 * n + 2);
  }
  cost.fill(Infinity, 0, n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    if (cost[i]! + skipCost < cost[i + 1]!) {
      cost[i + 1] = cost[i]! + skipCost;
      back[i + 1] = i;
      rowAt[i + 1] = -1;
    }
    for (let len = 1; len <= longest && i + len <= n; len++) {
      const row = rows.get(text.slice(i, i + len));
      if (row === undefined) continue;
      const c = cost[i]! + costOf(row);
      if (c < cost[i + len]!) {
        cost[i + len] = c;
        back[i + len] = i;
        rowAt[i + len] = row;
      }
    }
  }
  // Walk the best cut back from the end, then put its pieces in reading order.
  const first = out.length;
  for (let j = n; j > 0; j = back[j]!) if (rowAt[j]! >= 0) out.push(rowAt[j]!);
  for (let a = first, b = out.length - 1; a < b; a++, b--) [out[a], out[b]] = [out[b]!, out[a]!];
}
