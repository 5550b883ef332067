/** Loads a content folder, then reloads it whenever its files change; a broken edit never replaces a good knowledge base. */
import { watch, type FSWatcher } from 'node:fs';
import type { KnowledgeBase } from '../types.ts';
import { loadKnowledgeBase } from './load-knowledge-base.ts';

export interface WatchHandlers {
  /** Called with each knowledge base that loaded cleanly (first load included). */
  onLoad(kb: KnowledgeBase): void;
  /** Called instead of onLoad when the folder has a problem; the caller keeps its last good one. */
  onError(err: Error): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before reloading; editors write files in several steps. */
  debounceMs?: number;
}

/** Starts watching `dir`; call `close()` to stop. */
export function watchKnowledgeBase(dir: string, handlers: WatchHandlers, options: WatchOptions = {}): { close(): void } {
  const debounceMs = options.debounceMs ?? 150;
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
      const kb = await loadKnowledgeBase(dir);
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
