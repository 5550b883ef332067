/** Reads a datasets-format queries.jsonl file. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { KbError } from '../load/kb-error.ts';
import type { EvalQuery } from './evaluate.ts';

/** One `{"q", "id"}` object per line; blank lines are skipped, anything else malformed is a KbError naming the line. */
export async function readQueries(file: string): Promise<EvalQuery[]> {
  const text = await readFile(file, 'utf8');
  const out: EvalQuery[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new KbError({ file: basename(file), entry: `line ${i + 1}`, message: 'not valid JSON' });
    }
    const { q, id } = (row ?? {}) as { q?: unknown; id?: unknown };
    if (typeof q !== 'string' || q === '') throw new KbError({ file: basename(file), entry: `line ${i + 1}`, field: 'q', message: 'must be a non-empty string' });
    if (id !== null && typeof id !== 'string') throw new KbError({ file: basename(file), entry: `line ${i + 1}`, field: 'id', message: 'must be a string or null' });
    out.push({ q, id });
  });
  return out;
}
