/** Keeps the current knowledge base and matcher, reloading on file changes and keeping the last good one on errors. */
import { createMatcher, watchKnowledgeBase, type KnowledgeBase, type Matcher } from '@kefu/knowledge-base';
import type { Logger } from '../logger.ts';

export interface KbStatus {
  entries: number;
  /** The bot answers at or above this confidence, fitted to the content at each load (see the matcher README). */
  answerBar?: number;
  /** Epoch ms of the last good load; undefined before the first. */
  loadedAt?: number;
  /** The last load error, cleared by the next good load. */
  error?: string;
}

export interface KbHolder {
  /** Undefined until a knowledge base has loaded once. */
  current(): { kb: KnowledgeBase; matcher: Matcher } | undefined;
  status(): KbStatus;
  close(): void;
}

/** Starts watching `dir`; resolves after the first load attempt (good or bad) so the server can start. */
export async function startKbHolder(dir: string, log: Logger): Promise<KbHolder> {
  let current: { kb: KnowledgeBase; matcher: Matcher } | undefined;
  let loadedAt: number | undefined;
  let error: string | undefined;
  let first: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => (first = resolve));

  const watcher = watchKnowledgeBase(dir, {
    onLoad(kb) {
      try {
        const matcher = createMatcher(kb);
        current = { kb, matcher };
        loadedAt = Date.now();
        error = undefined;
        const { scale, thresholds } = matcher.calibration;
        log.info(`knowledge base loaded: ${kb.entries.length} entries, ${kb.flows.length} flows from ${dir}; answer bar ${thresholds.answer.toFixed(3)} (×${scale} calibrated)`);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        log.error(`knowledge base matcher failed to build; keeping the previous one`, err);
      }
      first();
    },
    onError(err) {
      error = err.message;
      log.error(`knowledge base in ${dir} has a problem; ${current ? 'keeping the previous one' : 'the bot will decline until it is fixed'}:\n${err.message}`);
      first();
    },
  });
  await firstAttempt;

  return {
    current: () => current,
    status: () => ({
      entries: current?.kb.entries.length ?? 0,
      ...(current ? { answerBar: Math.round(current.matcher.calibration.thresholds.answer * 1000) / 1000 } : {}),
      ...(loadedAt ? { loadedAt } : {}),
      ...(error ? { error } : {}),
    }),
    close: () => watcher.close(),
  };
}
