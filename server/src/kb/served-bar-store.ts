/**
 * The answer bar being served (with the word weights it was fitted on), kept in the database so that a restart (or
 * another node of the same deployment) starts from it: the matcher keeps a served bar and its weights unless the content
 * clearly needs others, and without this memory every start would be a fresh fit that may flip unrelated answers.
 */
import type { Calibration, TermWeights } from '@kefu/knowledge-base';
import type { Storage } from '../storage/storage.ts';

const KEY = 'kb.servedCalibration';

export interface ServedBarStore {
  load(): Promise<Calibration | undefined>;
  save(calibration: Calibration): Promise<void>;
}

/** A record of entry ids to finite numbers, or absent. */
const isNumberRecord = (v: unknown): boolean =>
  v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x)));

const finiteNumbers = (v: unknown, length: number): boolean => Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Word weights (`TermWeights`), or absent: one finite weight per word at each level. */
const isStringRecord = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((w) => typeof w === 'string');

function isTermWeights(v: unknown): boolean {
  if (v === undefined) return true;
  const t = v as TermWeights | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.tokens) || !t.tokens.every((x) => typeof x === 'string')) return false;
  return finiteNumbers(t.phrasing, t.tokens.length) && finiteNumbers(t.entry, t.tokens.length) && finiteNumbers(t.unknown, 2) && (t.fittedOn === undefined || isStringRecord(t.fittedOn));
}

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
    isNumberRecord(c.smallTalk) &&
    isTermWeights(c.terms) &&
    (c.barWording === undefined || isStringRecord(c.barWording))
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
    async save({ thresholds, scale, queries, objective, entryBars, barWording, smallTalk, terms }) {
      // Only what the next build needs; how this one came about (fitted, change, raised, lowered, termsFrom) belongs to its own log line.
      await storage.setSetting(KEY, JSON.stringify({ thresholds, scale, queries, objective, entryBars, barWording, smallTalk, terms }));
    },
  };
}
