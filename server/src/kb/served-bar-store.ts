/**
 * The answer bar being served, kept in the database so that a restart (or another node of the same
 * deployment) starts from it: the matcher keeps a served bar unless the content clearly needs another,
 * and without this memory every start would be a fresh fit that may flip unrelated answers.
 */
import type { Calibration } from '@kefu/knowledge-base';
import type { Storage } from '../storage/storage.ts';

const KEY = 'kb.servedCalibration';

export interface ServedBarStore {
  load(): Promise<Calibration | undefined>;
  save(calibration: Calibration): Promise<void>;
}

/** A record of entry ids to finite numbers, or absent. */
const isNumberRecord = (v: unknown): boolean =>
  v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x)));

function isCalibration(v: unknown): v is Calibration {
  const c = v as Calibration | null;
  return (
    !!c &&
    typeof c.scale === 'number' &&
    Number.isFinite(c.scale) &&
    typeof c.queries === 'number' &&
    !!c.thresholds &&
    typeof c.thresholds.answer === 'number' &&
    isNumberRecord(c.entryBars) &&
    isNumberRecord(c.smallTalk)
  );
}

export function servedBarStore(storage: Pick<Storage, 'getSetting' | 'setSetting'>): ServedBarStore {
  return {
    async load() {
      const raw = await storage.getSetting(KEY);
      if (!raw) return undefined;
      try {
        const parsed: unknown = JSON.parse(raw);
        // A value this version cannot read is a fresh start, not a failure.
        return isCalibration(parsed) ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    async save({ thresholds, scale, queries, objective, entryBars, smallTalk }) {
      // Only what the next build needs; how this one came about (fitted, change, raised) belongs to its own log line.
      await storage.setSetting(KEY, JSON.stringify({ thresholds, scale, queries, objective, entryBars, smallTalk }));
    },
  };
}
