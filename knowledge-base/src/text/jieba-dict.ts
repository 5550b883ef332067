/** The jieba addon and its default dictionary, both loaded on first use. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type JiebaModule = typeof import('@node-rs/jieba');

let addon: JiebaModule | undefined;

/**
 * The addon allocates with its own mimalloc, which by default keeps freed pages for a while and returns them only
 * when it is next called: the dictionaries of a finished knowledge-base worker thread (tens of MB) then stayed
 * resident for the life of the process. A purge delay of 0 returns them at once; the option is read from the
 * environment when the addon is loaded, so it is set just before (an explicit setting is respected). Loading it here
 * rather than by a static import also keeps its ~2 MB of code out of processes that never cut Chinese.
 */
export function jiebaAddon(): JiebaModule {
  if (addon) return addon;
  process.env['MIMALLOC_PURGE_DELAY'] ??= '0';
  addon = createRequire(import.meta.url)('@node-rs/jieba') as JiebaModule;
  return addon;
}

/** Where jieba's default dictionary is (`readWordList` reads it without keeping the file in memory). */
export function jiebaDictPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/**
 * `@node-rs/jieba/dict.js` reads both of the package's word lists at import and keeps them for the life of the
 * process (11 MB, of which the idf list is never used here); the segmenter copies what it needs.
 */
export function readJiebaDict(): Buffer {
  return readFileSync(jiebaDictPath());
}
