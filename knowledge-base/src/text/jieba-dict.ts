/** jieba's default dictionary, read from disk when a segmenter is built and not kept afterwards. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * `@node-rs/jieba/dict.js` reads both of the package's word lists at import and keeps them for the life of the
 * process (11 MB, of which the idf list is never used here); the segmenter copies what it needs.
 */
export function readJiebaDict(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
}
