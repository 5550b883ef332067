/**
 * The parsed word-vector table, kept in the temporary folder. Parsing the word2vec file (51 MB of float32) costs about
 * 0.6 s of every process that reads it, once per server start and once per test process; reading the parsed table back
 * costs a small part of that. The key names the file (size and modification time: pnpm links one copy into every
 * checkout) and the parser, so a changed file or parser is parsed afresh. A missing, partial or unreadable copy is
 * simply parsed again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { ownFolder, ownedByThisUser } from '../cache/own-folder.ts';
import type { WordVectors } from './word-vectors.ts';

const DIR = join(tmpdir(), 'kefu-word-vectors');

/** The cache key of `file` read by a parser whose code and settings are `parser`. */
export function tableKey(file: string, parser: string): string {
  const { size, mtimeMs } = statSync(file);
  return createHash('sha256').update(`${size}\0${mtimeMs}\0${parser}`).digest('hex').slice(0, 32);
}

/** Layout: a JSON header line (dim, count, wordBytes), the words joined by newlines, count × dim int8, count float32 weights. */
export function readCachedTable(key: string, dir = DIR): WordVectors | undefined {
  try {
    const file = join(dir, `${key}.bin`);
    if (!ownedByThisUser(dir, `${key}.bin`)) return undefined;
    const buf = readFileSync(file);
    const eol = buf.indexOf(10);
    const { dim, count, wordBytes } = JSON.parse(buf.toString('utf8', 0, eol)) as { dim: number; count: number; wordBytes: number };
    let at = eol + 1;
    const words = buf.toString('utf8', at, (at += wordBytes)).split('\n');
    if (words.length !== count || buf.length !== at + count * dim + 4 * count) return undefined;
    // In shared memory, as parsed tables are (`shareWordVectors`).
    const data = new Int8Array(new SharedArrayBuffer(count * dim));
    new Uint8Array(data.buffer).set(buf.subarray(at, (at += count * dim)));
    const weight = new Float32Array(new SharedArrayBuffer(4 * count));
    new Uint8Array(weight.buffer).set(buf.subarray(at, at + 4 * count));
    const rows = new Map<string, number>();
    words.forEach((word, r) => rows.set(word, r));
    return { dim, rows, data, weight };
  } catch {
    return undefined;
  }
}

/** Copies under other keys are removed once this old (each is 14 MB): the sources and the server's bundle key the parser apart. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Keeps `table` under `key`, and removes copies under other keys not written for a day. */
export function storeTable(key: string, { dim, rows, data, weight }: WordVectors, dir = DIR): void {
  // Whole or not at all: another process may read it at any moment.
  const part = join(dir, `${key}.${process.pid}-${threadId}.part`);
  try {
    if (!ownFolder(dir)) return;
    const words = Buffer.from([...rows.keys()].join('\n'));
    const header = Buffer.from(`${JSON.stringify({ dim, count: rows.size, wordBytes: words.length })}\n`);
    writeFileSync(part, Buffer.concat([header, words, Buffer.from(data.buffer, data.byteOffset, data.byteLength), Buffer.from(weight.buffer, weight.byteOffset, weight.byteLength)]));
    renameSync(part, join(dir, `${key}.bin`));
    for (const name of readdirSync(dir)) {
      const other = join(dir, name);
      if (name !== `${key}.bin` && Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
    }
  } catch {
    // A copy that cannot be kept only costs the next start a parse; a part written into a full disk is not left there.
    try {
      rmSync(part, { force: true });
    } catch {
      // Nothing to remove, or no right to: the part stays, as the failed write left it.
    }
  }
}
