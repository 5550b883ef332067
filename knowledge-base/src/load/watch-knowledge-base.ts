/** Loads a content folder, then reloads it whenever its files change; a broken edit never replaces a good knowledge base. */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
  /**
   * How often the folder's files are also compared by size and modification time (0: never). File events do not
   * cross a network file system (a KB_DIR shared by several hosts over NFS) and can be lost when the host runs out
   * of watches; the comparison catches what they miss.
   */
  pollMs?: number;
}

/** The content files' names, sizes and modification times (what the loader reads: *.yaml, *.yml). */
async function folderState(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
    const stats = await Promise.all(names.map((n) => stat(join(dir, n)).then((s) => `${n}:${s.size}:${s.mtimeMs}`, () => `${n}:gone`)));
    return stats.join('\n');
  } catch (err) {
    return `unreadable: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
  }
}

/** Starts watching `dir`; call `close()` to stop. */
export function watchKnowledgeBase<T = KnowledgeBase>(dir: string, handlers: WatchHandlers<T>, options: WatchOptions<T> = {}): { close(): void } {
  const debounceMs = options.debounceMs ?? 150;
  const pollMs = options.pollMs ?? 2_000;
  // Without a loader of its own, T is the default (KnowledgeBase).
  const load = (options.load ?? loadKnowledgeBase) as (dir: string) => Promise<T>;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let again = false;
  let watcher: FSWatcher | undefined;
  let poller: NodeJS.Timeout | undefined;
  /** The folder as the last load began to read it; a poll that finds it otherwise schedules a reload. */
  let seen: string | undefined;

  const reload = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    // Read beside the load, which starts at once (a caller's status says loading from the first call); a broken
    // folder is recorded too, so polls do not report it again until it changes.
    const state = pollMs > 0 ? folderState(dir) : undefined;
    try {
      const kb = await load(dir);
      if (!closed) handlers.onLoad(kb);
    } catch (err) {
      if (!closed) handlers.onError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      seen = await state;
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
  if (pollMs > 0) {
    let polling = false;
    poller = setInterval(() => {
      if (polling || loading || seen === undefined) return;
      polling = true;
      void folderState(dir)
        .then((now) => {
          if (now !== seen && !loading) schedule();
        })
        .finally(() => (polling = false));
    }, pollMs);
    poller.unref();
  }

  return {
    close(): void {
      closed = true;
      clearTimeout(timer);
      clearInterval(poller);
      watcher?.close();
    },
  };
}
