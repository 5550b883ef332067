/** The word vectors and jieba's words are read once per process: the serving thread takes the index worker's instead of the files. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { semanticLayerInfo } from '@kefu/knowledge-base';

const SERVER_DIR = fileURLToPath(new URL('../', import.meta.url));
const KB_PACKAGE = new URL('../../knowledge-base/package.json', import.meta.url);
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('word vectors and jieba words across the index worker', () => {
  let seen: { before: boolean; entries: number; words: number; shared: boolean; row: number[]; jieba: { before: boolean; count: number; shared: boolean } | null };
  beforeAll(() => {
    // A fresh process: this one may have read the tables for earlier test files.
    const run = spawnSync(TSX, ['test/support/vectors-from-worker.ts'], { cwd: SERVER_DIR, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    seen = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as typeof seen;
  });

  it('gives the serving thread the table the worker read, in shared memory, before it answers', () => {
    expect(seen.before).toBe(false);
    expect(seen.entries).toBeGreaterThan(0);
    expect(seen.words).toBe(semanticLayerInfo()!.words);
    expect(seen.shared).toBe(true);
    expect(seen.row).toHaveLength(semanticLayerInfo()!.dim);
    expect(seen.row.some((v) => v !== 0)).toBe(true);
  });

  it('gives the serving thread jieba’s word list the worker read, in shared memory, before it answers', () => {
    const { jieba } = seen;
    expect(jieba).not.toBeNull();
    expect(jieba!.before).toBe(false);
    // Every word of the package's dictionary (one per line).
    expect(jieba!.count).toBe(readFileSync(createRequire(KB_PACKAGE).resolve('@node-rs/jieba/dict.txt'), 'utf8').trim().split('\n').length);
    expect(jieba!.shared).toBe(true);
  });
});
