/**
 * Fitting the answer bar is most of a knowledge base's build (about 3 s for the demo, indexing alone 0.5–1 s), and its result
 * depends only on the content, the served bar it starts from and the code. A restart with unchanged content (and every
 * node or test server that loads the same folder) reads the fit back from the temporary folder instead of fitting
 * again. The key hashes all three, so any change to one is a fresh fit; a missing or unreadable file is one too, and so is
 * one in a folder another user could have written to (`ownedByThisUser`): a planted fit would move the bar.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownFolder, ownedByThisUser, type Calibration, type KnowledgeBase } from '@kefu/knowledge-base';

const DIR = join(tmpdir(), 'kefu-kb-calibration');

/** The cache key of a fit: the loaded content, the bar it starts from, the building code and the semantic layer and thesaurus in use. */
export function calibrationKey(kb: KnowledgeBase, previous: Calibration | undefined, code: string, semantic: string): string {
  const { change: _change, raised: _raised, lowered: _lowered, termsFrom: _termsFrom, ...start } = previous ?? ({} as Calibration);
  return createHash('sha256')
    .update(code)
    .update('\0')
    .update(semantic)
    .update('\0')
    .update(JSON.stringify(previous ? start : null))
    .update('\0')
    .update(JSON.stringify(kb))
    .digest('hex');
}

export function readCachedCalibration(key: string, dir = DIR): Calibration | undefined {
  if (!ownedByThisUser(dir, `${key}.json`)) return undefined;
  try {
    const c = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Calibration;
    return typeof c?.scale === 'number' && typeof c.thresholds?.answer === 'number' ? c : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedCalibration(key: string, calibration: Calibration, dir = DIR): void {
  if (!ownFolder(dir)) return;
  try {
    // Whole or not at all: another process may read it at any moment.
    const part = join(dir, `${key}.${process.pid}.part`);
    writeFileSync(part, JSON.stringify(calibration));
    renameSync(part, join(dir, `${key}.json`));
  } catch {
    // A cache that cannot be written only costs the next start a fit.
  }
}
