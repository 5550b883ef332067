import { chownSync, mkdtempSync, readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWord2vecBinary, readWordVectors, type WordVectors } from '../src/semantic/word-vectors.ts';

/** A word2vec binary file: "count dim", then per word its UTF-8 bytes, a space and dim little-endian float32s. */
function word2vec(rows: Array<[string, number[]]>, dim: number): Buffer {
  const parts: Buffer[] = [Buffer.from(`${rows.length} ${dim}\n`)];
  for (const [word, values] of rows) {
    const floats = Buffer.alloc(4 * dim);
    values.forEach((v, d) => floats.writeFloatLE(v, 4 * d));
    parts.push(Buffer.from(`${word} `), floats, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

describe('parseWord2vecBinary', () => {
  // Words of 1, 2 and 3 UTF-8 bytes a character put the rows at every byte offset.
  const file = word2vec(
    [
      ['客服', [3, 4, 0]],
      ['a', [0, 0, -2]],
      ['零', [0, 0, 0]],
      ['é热线', [1, 1, 1]],
      ['客服', [1, 0, 0]],
      ['ok', [-0.6, 0.8, 0]],
    ],
    3,
  );

  it('reads each word as a unit row scaled to ±127, at any byte offset, skipping zero rows and repeated words', () => {
    const v = parseWord2vecBinary(file);
    expect(v.dim).toBe(3);
    expect([...v.rows]).toEqual([
      ['客服', 0],
      ['a', 1],
      ['é热线', 2],
      ['ok', 3],
    ]);
    expect([...v.data]).toEqual([76, 102, 0, 0, 0, -127, 73, 73, 73, -76, 102, 0]);
  });

  it('weighs words by their rank in the file (smooth inverse frequency): rarer words weigh more', () => {
    const { weight } = parseWord2vecBinary(file);
    expect(weight).toHaveLength(4);
    for (let r = 1; r < weight.length; r++) expect(weight[r]!).toBeGreaterThan(weight[r - 1]!);
    for (const w of weight) expect(w).toBeLessThan(1);
  });

  it('keeps the table in shared memory, for other threads to adopt without a copy', () => {
    const v = parseWord2vecBinary(file);
    expect(v.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(v.weight.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('readWordVectors', () => {
  const plain = (v: WordVectors) => ({ dim: v.dim, rows: [...v.rows], data: [...v.data], weight: [...v.weight] });
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-vectors-test-'));
    const file = join(dir, 'words.vector');
    const cache = join(dir, 'cache');
    writeFileSync(file, word2vec([['客服', [3, 4, 0]], ['热线', [0, 1, 0]]], 3));
    return { file, cache };
  };

  it('reads the parsed table back from the temporary folder on the next start, in shared memory', () => {
    const { file, cache } = setup();
    const when = new Date('2026-12-01T08:00:00Z');
    utimesSync(file, when, when);
    const first = readWordVectors(file, cache);
    expect(plain(first)).toEqual(plain(parseWord2vecBinary(readFileSync(file))));
    expect(readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    // Same size and time, other numbers: only a read of the kept copy still gives the first table.
    writeFileSync(file, word2vec([['客服', [0, 0, 1]], ['热线', [1, 0, 0]]], 3));
    utimesSync(file, when, when);
    const again = readWordVectors(file, cache);
    expect(plain(again)).toEqual(plain(first));
    expect(again.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(again.weight.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('parses a changed file afresh, and removes copies not written for a day', () => {
    const { file, cache } = setup();
    readWordVectors(file, cache);
    const [old] = readdirSync(cache);
    writeFileSync(file, word2vec([['客服', [0, 0, 1]], ['热线', [1, 0, 0]], ['邮件', [0, 2, 0]]], 3));
    const changed = readWordVectors(file, cache);
    expect([...changed.rows.keys()]).toEqual(['客服', '热线', '邮件']);
    expect([...changed.data]).toEqual([0, 0, 127, 127, 0, 0, 0, 127, 0]);
    // The copy of a moment ago stays (another checkout, or the server's bundle, may read it); one a day old goes.
    expect(readdirSync(cache)).toHaveLength(2);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(join(cache, old!), dayAgo, dayAgo);
    writeFileSync(file, word2vec([['客服', [1, 0, 0]]], 3));
    readWordVectors(file, cache);
    expect(readdirSync(cache)).toHaveLength(2);
    expect(readdirSync(cache)).not.toContain(old);
  });

  it('still reads the file when the temporary folder cannot be written, and leaves nothing there', () => {
    const { file, cache } = setup();
    // A file where the folder should be: nothing can be written below it.
    writeFileSync(cache, 'in the way');
    expect(plain(readWordVectors(file, cache))).toEqual(plain(parseWord2vecBinary(readFileSync(file))));
    expect(readFileSync(cache, 'utf8')).toBe('in the way');
  });

  // Changing a file's owner needs root (as CI runs): planted by another user, a copy is not read.
  it.skipIf(process.getuid?.() !== 0)('reads no copy that another user owns, and writes none into their folder', () => {
    const { file, cache } = setup();
    const when = new Date('2026-12-01T08:00:00Z');
    utimesSync(file, when, when);
    readWordVectors(file, cache);
    const [kept] = readdirSync(cache);
    for (const path of [cache, join(cache, kept!)]) chownSync(path, 65534, 65534);
    // Same size and time, other numbers: a copy read would give the old table.
    writeFileSync(file, word2vec([['客服', [0, 0, 1]], ['热线', [1, 0, 0]]], 3));
    utimesSync(file, when, when);
    expect(plain(readWordVectors(file, cache))).toEqual(plain(parseWord2vecBinary(readFileSync(file))));
    writeFileSync(file, word2vec([['客服', [0, 1, 0]]], 3));
    readWordVectors(file, cache);
    expect(readdirSync(cache)).toEqual([kept]);
  });

  it('parses the file again when the kept copy is cut short or unreadable', () => {
    const { file, cache } = setup();
    const first = plain(readWordVectors(file, cache));
    const [kept] = readdirSync(cache).filter((f) => f.endsWith('.bin'));
    truncateSync(join(cache, kept!), 40);
    expect(plain(readWordVectors(file, cache))).toEqual(first);
    writeFileSync(join(cache, kept!), 'not a table');
    expect(plain(readWordVectors(file, cache))).toEqual(first);
  });
});
