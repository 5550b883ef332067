/** From source, the knowledge-base worker's bundle is kept in the temporary folder and run as code: only from a folder of this user. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepBundle } from '../src/kb/prepare-in-worker.ts';
import { tempDir } from './support/test-server.ts';

function built(root: string, code: string): string {
  const scratch = join(root, `scratch-${Math.random().toString(36).slice(2)}`);
  mkdirSync(scratch, { mode: 0o700 });
  writeFileSync(join(scratch, 'kb-worker.mjs'), code);
  return scratch;
}

describe('the bundled worker from source', () => {
  it('is stored once and shared: a second build of the same code runs the stored one', () => {
    const root = tempDir();
    const dir = join(root, 'kefu-kb-worker-abc');
    const first = built(root, 'ours');
    expect(keepBundle(first, dir)).toBe(dir);
    expect(existsSync(first)).toBe(false);
    const second = built(root, 'ours');
    expect(keepBundle(second, dir)).toBe(dir);
    expect(existsSync(second)).toBe(false);
    expect(readFileSync(join(dir, 'kb-worker.mjs'), 'utf8')).toBe('ours');
  });

  it('is not run from a stored folder that others may write into: this process runs its own copy', () => {
    const root = tempDir();
    const dir = join(root, 'kefu-kb-worker-abc');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kb-worker.mjs'), 'planted');
    chmodSync(dir, 0o777);
    const scratch = built(root, 'ours');
    expect(keepBundle(scratch, dir)).toBe(scratch);
    expect(readFileSync(join(scratch, 'kb-worker.mjs'), 'utf8')).toBe('ours');
  });
});
