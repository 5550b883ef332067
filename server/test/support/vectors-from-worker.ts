/**
 * Run as its own process by kb-worker-vectors.test.ts (a fresh serving thread that has read nothing): prepares the
 * fixture knowledge base in the index worker, then prints what word vectors and jieba words this thread holds, without
 * reading either.
 */
import { shareJiebaWords, shareWordVectors } from '@kefu/knowledge-base';
import { prepareInWorker } from '../../src/kb/prepare-in-worker.ts';
import { FIXTURE_KB } from './test-server.ts';

const before = shareWordVectors();
const wordsBefore = shareJiebaWords();
const { kb } = await prepareInWorker(FIXTURE_KB);
const after = shareWordVectors();
const words = shareJiebaWords();
console.log(
  JSON.stringify({
    before: before !== null,
    entries: kb.entries.length,
    words: after?.words.length ?? 0,
    shared: after ? after.data.buffer instanceof SharedArrayBuffer : false,
    jieba: words ? { before: wordsBefore !== undefined, count: words.start.length, shared: [words.bytes, words.start, words.freq, words.byFirst].every((a) => a.buffer instanceof SharedArrayBuffer) } : null,
    row: after ? Array.from(after.data.subarray(after.words.indexOf('邮件') * after.dim, (after.words.indexOf('邮件') + 1) * after.dim)) : [],
  }),
);
process.exit(0);
