import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What the server runs (loading, text processing, matching) never reaches into measuring (evaluation) or the
 * command line: they are built on top of it, so nothing they hold can be pulled into a running bot, and the two
 * sides never import each other in a cycle.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const RUNTIME = ['match', 'text', 'load'];
const TOOLING = ['evaluation', 'cli'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });

/** Relative module specifiers of `import … from`, `export … from`, side-effect and dynamic imports. */
function relativeSpecifiers(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.[^'"]*)\1/gm)) specs.push(m[2]!);
  return specs;
}

const relativeImports = (file: string): string[] => relativeSpecifiers(readFileSync(file, 'utf8'));

const topFolder = (file: string): string => relative(SRC, file).split(sep)[0]!;

/** Every file reachable from `start` through relative imports inside src, with the chain that reached it. */
function reachable(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of relativeImports(file)) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + sep) || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

describe('source layers', () => {
  const files = sourceFiles(SRC);

  it('finds the sources and their imports', () => {
    const match = files.filter((f) => topFolder(f) === 'match');
    expect(match.length).toBeGreaterThan(3);
    expect(match.some((f) => relativeImports(f).length > 0)).toBe(true);
  });

  it('keeps matching, text and loading free of evaluation and the command line, directly or through other files', () => {
    const offending: string[] = [];
    for (const file of files.filter((f) => RUNTIME.includes(topFolder(f)))) {
      for (const [target, chain] of reachable(file)) {
        if (TOOLING.includes(topFolder(target))) offending.push(chain.map((f) => relative(SRC, f)).join(' → '));
      }
    }
    expect(offending).toEqual([]);
  });

  it('sees every form of import a file can use', () => {
    const text = [
      "import type { ScoredQuery } from '../evaluation/tune-thresholds.ts';",
      "import {",
      "  devSplit,",
      "} from \"../evaluation/dev-split.ts\";",
      "export { main } from '../cli/main.ts';",
      "export * from './decide.ts';",
      "import '../cli/side-effect.ts';",
      "const later = await import('../evaluation/evaluate.ts');",
      "import { Jieba } from '@node-rs/jieba';",
      "// from this day on",
    ].join('\n');
    expect(relativeSpecifiers(text)).toEqual([
      '../evaluation/tune-thresholds.ts',
      '../evaluation/dev-split.ts',
      '../cli/main.ts',
      './decide.ts',
      '../cli/side-effect.ts',
      '../evaluation/evaluate.ts',
    ]);
  });
});
