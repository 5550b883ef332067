/**
 * Keeps the current knowledge base and matcher, reloading on file changes and keeping the last good one on errors.
 * Loading, indexing and calibrating run in a worker thread: the server answers from the start, and during a reload
 * it keeps answering with the last good matcher.
 */
import { createMatcher, preloadSegmenters, semanticLayerInfo, TERM_DRIFT_LIMIT, thesaurusSwitchedOff, watchKnowledgeBase, type Calibration, type CalibrationChange, type EntryBarRaise, type KnowledgeBase, type Matcher, type TermWeightsOrigin, type Thresholds } from '@kefu/knowledge-base';
import type { Logger } from '../logger.ts';
import { prepareInWorker, type PreparedKb } from './prepare-in-worker.ts';
import type { ServedBarStore } from './served-bar-store.ts';

export interface KbStatus {
  entries: number;
  /** The bot answers at or above this confidence, fitted to the content at each load (see the matcher README). */
  answerBar?: number;
  /** Epoch ms of the last good load; undefined before the first. */
  loadedAt?: number;
  /** True while the folder is being loaded and indexed (at start, and on each reload). */
  loading: boolean;
  /** The last load error, cleared by the next good load. */
  error?: string;
}

export interface LoadedKb {
  kb: KnowledgeBase;
  matcher: Matcher;
}

export interface KbHolder {
  /** The last good knowledge base; undefined until one has loaded (or while the first one is still loading). */
  current(): LoadedKb | undefined;
  status(): KbStatus;
  /**
   * Resolves once the bot can answer: `current()` then has the knowledge base (after a restart possibly at the bar
   * served before it, while the content is fitted: `status().loading` says when that is done), or the folder was
   * broken (the error is in `status()`; the bot declines until it is fixed). Never rejects; resolved for good after that.
   */
  ready(): Promise<void>;
  close(): void;
}

/**
 * Starts loading and watching `dir` and returns at once; see `ready()` for the first load. With `servedBar`, the
 * first load starts from the bar served before the restart, and every load records the bar it serves.
 */
export function startKbHolder(dir: string, log: Logger, servedBar?: ServedBarStore): KbHolder {
  let current: LoadedKb | undefined;
  /** What the served matcher was built from (`matchingFingerprint`), for the worker to compare the next load with. */
  let servedMatching: string | undefined;
  let loadedAt: number | undefined;
  let error: string | undefined;
  let loading = 0;
  let closed = false;
  let settleFirst: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => (settleFirst = resolve));

  const saved = servedBar?.load().catch((err: unknown) => {
    log.warn('could not read the answer bar served before; calibrating afresh', err);
    return undefined;
  });

  /** Serves `kb` with its prepared matcher; a provisional one (the served bar, while the fit runs) is not recorded. */
  const install = ({ kb, matching, prepared }: PreparedKb, provisional: boolean): void => {
    // Only assembling here (the text pipeline and a warm-up query): the index and calibration came built.
    const matcher = createMatcher(kb, {}, prepared);
    const restart = current === undefined;
    current = { kb, matcher };
    servedMatching = matching;
    loadedAt = Date.now();
    error = undefined;
    if (provisional) {
      const bar = `answer bar ${matcher.calibration.thresholds.answer.toFixed(3)}`;
      log.info(`knowledge base loaded: ${kb.entries.length} entries, ${kb.flows.length} flows from ${dir}; ${restart ? `${bar} as served before the restart, kept while the content is fitted` : `${bar} kept while the new content is fitted`}`);
      return;
    }
    const { change, raised, termsFrom } = matcher.calibration;
    const weights = termsFrom?.kept ? `; ${describeKeptTerms(termsFrom)}` : '';
    log.info(`knowledge base loaded: ${kb.entries.length} entries, ${kb.flows.length} flows from ${dir}; ${describeBar(matcher.calibration)}${weights}; ${describeSemantic()}`);
    if (termsFrom && !termsFrom.kept) log.warn(describeRefittedTerms(termsFrom));
    if (change) log.warn(describeBarChange(change));
    for (const r of raised ?? []) log.warn(describeEntryBar(r, matcher.calibration.thresholds));
    for (const id of matcher.calibration.lowered ?? []) log.info(describeLoweredBar(id, matcher.calibration.thresholds));
    servedBar?.save(matcher.calibration).catch((err: unknown) => log.warn('could not record the answer bar served', err));
  };

  const load = async (folder: string): Promise<PreparedKb> => {
    loading++;
    try {
      const previous = current?.matcher.calibration ?? (await saved);
      // jieba's dictionaries cannot cross threads: this thread builds its own while the worker indexes.
      // The bar being served goes along: a reload keeps it unless the edited content clearly needs another, and
      // serves the new content at that bar while the worker fits (an edit shows in about a second, not after the fit).
      // A restart does the same with the bar served before it (kept in the database): the bot answers at once, even
      // when the fit is not cached (new content, or a new version of the code).
      return await prepareInWorker(folder, {
        onLoaded: (kb) => preloadSegmenters(kb),
        ...(previous ? { previous } : {}),
        ...(servedMatching ? { served: servedMatching } : {}),
        onProvisional: (next) => {
          if (closed) return;
          try {
            install(next, true);
            settleFirst();
          } catch (err) {
            log.warn(`knowledge base: could not serve the new content before its fit; ${current ? 'serving the previous one' : 'the bot answers once it is fitted'} meanwhile`, err);
          }
        },
      });
    } finally {
      loading--;
    }
  };

  const watcher = watchKnowledgeBase<PreparedKb>(
    dir,
    {
      onLoad(next) {
        try {
          install(next, false);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
          log.error(`knowledge base matcher failed to build; keeping the previous one`, err);
        }
        settleFirst();
      },
      onError(err) {
        error = err.message;
        log.error(`knowledge base in ${dir} has a problem; ${current ? 'keeping the previous one' : 'the bot will decline until it is fixed'}:\n${err.message}`);
        settleFirst();
      },
    },
    { load },
  );

  return {
    current: () => current,
    status: () => ({
      entries: current?.kb.entries.length ?? 0,
      ...(current ? { answerBar: Math.round(current.matcher.calibration.thresholds.answer * 1000) / 1000 } : {}),
      ...(loadedAt ? { loadedAt } : {}),
      loading: loading > 0,
      ...(error ? { error } : {}),
    }),
    ready: () => firstAttempt,
    close: () => {
      closed = true;
      // A build under way finishes in the worker and is dropped (the watcher is closed).
      watcher.close();
      settleFirst();
    },
  };
}

/** Whether meaning is matched beside words, for the load log (the vectors are loaded on this thread already). */
function describeSemantic(): string {
  const layer = semanticLayerInfo();
  const thesaurus = thesaurusSwitchedOff() ? 'service thesaurus off' : 'service thesaurus on';
  return `${layer ? `semantic layer on (${layer.words} words × ${layer.dim}${layer.english ? `, ${layer.english.pieces} English pieces × ${layer.english.dim}` : ''})` : 'semantic layer off'}, ${thesaurus}`;
}

/** The answer bar in use and how it was chosen, for the load log. */
export function describeBar({ thresholds, scale, fitted, queries }: Calibration): string {
  const bar = `answer bar ${thresholds.answer.toFixed(3)}`;
  if (queries === 0) return `${bar} (base rule, not calibrated)`;
  if (fitted !== undefined && Math.abs(fitted - scale) > 1e-9) return `${bar} (×${scale} kept from the previous load; the new content alone would fit ×${fitted}, not clearly better)`;
  return `${bar} (×${scale} calibrated)`;
}

/** A reload moved the answer bar: by how much, and how many of the content's own development questions it decides otherwise. */
export function describeBarChange({ from, to, barFrom, barTo, flips, asked }: CalibrationChange): string {
  return (
    `knowledge base answer bar changed ${barFrom.toFixed(3)} → ${barTo.toFixed(3)} (×${from} → ×${to}, ${barTo > barFrom ? '+' : ''}${(barTo - barFrom).toFixed(3)}): ` +
    `the new content's folds found the old bar clearly worse; ${flips} of ${asked} development questions are now decided otherwise (answer, suggestion or decline)`
  );
}

/** A reload gave an entry a bar of its own instead of moving everyone's: which, from what score, and why. */
export function describeEntryBar({ id, bar, smallTalk }: EntryBarRaise, served: Thresholds): string {
  return (
    `knowledge base entry "${id}" answers only from ${bar.toFixed(3)}: at the served bar ${served.answer.toFixed(3)} it took ${smallTalk} ` +
    `small-talk questions the base rule declines; the bar stays where it was for every other entry`
  );
}

/** A reload dropped an entry's own bar: it no longer draws small talk. */
export const describeLoweredBar = (id: string, served: Thresholds): string =>
  `knowledge base entry "${id}" answers from the served bar ${served.answer.toFixed(3)} again: it no longer answers small talk the base rule declines`;

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** A reload kept the word weights of the build it replaced, for the load log. */
export const describeKeptTerms = ({ drift, edits }: TermWeightsOrigin): string =>
  `word weights kept from the previous load (the content has moved ${percent(drift)} from them${edits === undefined ? '' : `, ${edits} ${edits === 1 ? 'entry' : 'entries'} edited since they were fitted`})`;

/** A reload found the content too far from the served word weights and weighed every word afresh. */
export function describeRefittedTerms({ drift, edits }: TermWeightsOrigin): string {
  return (
    `knowledge base word weights fitted afresh: the content has moved ${percent(drift)} from the weights served (more than ${percent(TERM_DRIFT_LIMIT)})` +
    `${edits === undefined ? '' : ` and ${edits} entries were edited since they were fitted`}; ` +
    `answers to questions about entries that were not edited may change`
  );
}
