/** Loads a content folder, then reloads it whenever its files change; a broken edit never replaces a good knowledge base. */
import { watch, type FSWatcher } from 'node:fs';
import type { KnowledgeBase } from '../types.ts';
import { loadKnowledgeBase } from './load-knowledge-base.ts';

export interface WatchHandlers<T = KnowledgeBase> {
  /** Called with each knowledge base that loaded cleanly (first load included). */
  onLoad(kb: T): void;
  /** Called instead of onLoad when the folder has a problem; the caller keeps its last good one. */
  onError(err: Error): void;
}

export interface WatchOptions<T = KnowledgeBase> {
  /** Quiet time after the last change before reloading; editors write files in several steps. */
  debounceMs?: number;
  /** Loads the folder (default `loadKnowledgeBase`); e.g. in a worker thread, together with the matcher's index. */
  load?: (dir: string) => Promise<T>;
}

/** Starts watching `dir`; call `close()` to stop. */
export function watchKnowledgeBase<T = KnowledgeBase>(dir: string, handlers: WatchHandlers<T>, options: WatchOptions<T> = {}): { close(): void } {
  const debounceMs = options.debounceMs ?? 150;
  // Without a loader of its own, T is the default (KnowledgeBase).
  const load = (options.load ?? loadKnowledgeBase) as (dir: string) => Promise<T>;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let again = false;
  let watcher: FSWatcher | undefined;

  const reload = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const kb = await load(dir);
      if (!closed) handlers.onLoad(kb);
    } catch (err) {
      if (!closed) handlers.onError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      loading = false;
      if (again && !closed) {
        again = false;
        void reload();
      }
    }
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  try {
    watcher = watch(dir, { persistent: false }, schedule);
    watcher.on('error', (err) => {
      if (!closed) handlers.onError(err);
    });
  } catch (err) {
    queueMicrotask(() => handlers.onError(err instanceof Error ? err : new Error(String(err))));
  }
  void reload();

  return {
    close(): void {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
