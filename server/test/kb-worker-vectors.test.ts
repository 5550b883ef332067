/** The word vectors are read once per process: the serving thread takes the index worker's table instead of the file. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { semanticLayerInfo } from '@kefu/knowledge-base';

const SERVER_DIR = fileURLToPath(new URL('../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('word vectors across the index worker', () => {
  it('gives the serving thread the table the worker read, in shared memory, before it answers', () => {
    // A fresh process: this one may have read the table for earlier test files.
    const run = spawnSync(TSX, ['test/support/vectors-from-worker.ts'], { cwd: SERVER_DIR, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { before: boolean; entries: number; words: number; shared: boolean; row: number[] };
    expect(seen.before).toBe(false);
    expect(seen.entries).toBeGreaterThan(0);
    expect(seen.words).toBe(semanticLayerInfo()!.words);
    expect(seen.shared).toBe(true);
    expect(seen.row).toHaveLength(semanticLayerInfo()!.dim);
    expect(seen.row.some((v) => v !== 0)).toBe(true);
  });
});
