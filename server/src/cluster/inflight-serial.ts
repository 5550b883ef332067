/** Counts the tasks a KeyedSerial is running or holding, so a stopping node can let them finish. */
import type { KeyedSerial } from '../conversation/keyed-serial.ts';

export interface InflightSerial extends KeyedSerial {
  /** Resolves when no task is queued or running, or after `maxMs`; true when everything finished. */
  drain(maxMs: number): Promise<boolean>;
}

export function trackInflight(inner: KeyedSerial): InflightSerial {
  let count = 0;
  let idle: (() => void)[] = [];
  return {
    run(key, task) {
      count += 1;
      const done = () => {
        count -= 1;
        if (count === 0) for (const wake of idle.splice(0)) wake();
      };
      const result = inner.run(key, task);
      result.then(done, done);
      return result;
    },
    drain(maxMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          idle = idle.filter((w) => w !== wake);
          resolve(false);
        }, maxMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        idle.push(wake);
      });
    },
  };
}
