/** A garbage-collect function for heap measurements, with or without `node --expose-gc`. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * `global.gc` when node runs with --expose-gc; otherwise the flag is set at run time and the
 * function taken from a fresh context (V8 installs it there once the flag is on).
 */
export function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gc = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
  }
  gc();
  gc();
}

/**
 * Bytes in use on the JS heap once it has settled: the event loop turns and a full collection
 * runs until the figure stops falling. Until the loop has turned a few times, a finished async
 * call can still hold what it used (measured: a whole index, released one or two turns later).
 */
export async function settledHeap(): Promise<number> {
  let last = Infinity;
  for (let round = 0; round < 6; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const used = process.memoryUsage().heapUsed;
    if (last - used < 64 * 1024) return used;
    last = used;
  }
  return last;
}
