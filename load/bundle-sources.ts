/**
 * The source file behind a position in a bundled script, read from its linked source map (`<file>.map`), so a
 * CPU profile of the server bundle still says which package or folder the time went to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** (0-based line, 0-based column) → absolute source path, or undefined when unmapped. */
export type SourceLookup = (line: number, column: number) => string | undefined;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each generated line as sorted [column, source index] pairs: all a lookup by file needs. */
function decodeLines(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const cache = new Map<string, SourceLookup | undefined>();

/** A lookup for the script at `url` (file://…), or undefined when it has no source map beside it. */
export function bundleSources(url: string): SourceLookup | undefined {
  if (cache.has(url)) return cache.get(url);
  let lookup: SourceLookup | undefined;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (existsSync(`${file}.map`)) {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourceRoot?: string; mappings: string };
    const lines = decodeLines(map.mappings);
    const sources = map.sources.map((s) => resolve(dirname(file), map.sourceRoot ?? '', s));
    lookup = (line, column) => {
      let found: number | undefined;
      for (const [col, src] of lines[line] ?? []) {
        if (col > column) break;
        found = src;
      }
      return found === undefined ? undefined : sources[found];
    };
  }
  cache.set(url, lookup);
  return lookup;
}
