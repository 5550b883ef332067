/** A fit of the answer bar is reused only for the same content, starting bar, code and semantic layer; a broken cache file is a fresh fit. */
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, prepareMatcher } from '@kefu/knowledge-base';
import { calibrationKey, readCachedCalibration, writeCachedCalibration } from '../src/kb/calibration-cache.ts';
import { FIXTURE_KB, tempDir } from './support/test-server.ts';

describe('calibration cache', () => {
  it('keys a fit by content, starting bar, code and semantic layer, and reads back exactly what was written', async () => {
    const kb = await loadKnowledgeBase(FIXTURE_KB);
    const { calibration } = prepareMatcher(kb);
    const key = calibrationKey(kb, undefined, 'code-1', 'off');
    const edited = { ...kb, entries: kb.entries.map((e, i) => (i === 0 ? { ...e, question: `${e.question}？` } : e)) };
    const others = [
      calibrationKey(edited, undefined, 'code-1', 'off'),
      calibrationKey(kb, calibration, 'code-1', 'off'),
      calibrationKey(kb, undefined, 'code-2', 'off'),
      calibrationKey(kb, undefined, 'code-1', '/vectors:51000000'),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
    // How a served bar came about (its change) does not make it another start.
    expect(calibrationKey(kb, { ...calibration, change: { from: 1, to: 1.1, barFrom: 0.25, barTo: 0.275, flips: 3, asked: 100 } }, 'code-1', 'off')).toBe(others[1]);

    const dir = tempDir();
    expect(readCachedCalibration(key, dir)).toBeUndefined();
    writeCachedCalibration(key, calibration, dir);
    expect(readCachedCalibration(key, dir)).toEqual(calibration);
    writeFileSync(join(dir, `${key}.json`), '{"scale":');
    expect(readCachedCalibration(key, dir)).toBeUndefined();
  });

  it('reads no fit from a folder that others may write into, and closes its own folder when it writes', async () => {
    const kb = await loadKnowledgeBase(FIXTURE_KB);
    const { calibration } = prepareMatcher(kb);
    const key = calibrationKey(kb, undefined, 'code-1', 'off');
    const dir = tempDir();
    writeCachedCalibration(key, calibration, dir);
    // Anyone could have replaced the fit: a planted one would move the bar.
    chmodSync(dir, 0o777);
    expect(readCachedCalibration(key, dir)).toBeUndefined();
    writeCachedCalibration(key, calibration, dir);
    expect(statSync(dir).mode & 0o022).toBe(0);
    expect(readCachedCalibration(key, dir)).toEqual(calibration);
  });
});
