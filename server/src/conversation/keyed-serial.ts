/** Runs tasks with the same key one after another (per-conversation ordering of bot turns). */
export interface KeyedSerial {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createKeyedSerial(): KeyedSerial {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const prev = tails.get(key) ?? Promise.resolve();
      const next = prev.then(task, task);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}
