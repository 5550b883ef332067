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
 * Bytes in use on the JS heap after a full collection. It first lets the event loop turn:
 * until then the last finished async call can still hold what it used (measured: a whole index).
 */
export async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
