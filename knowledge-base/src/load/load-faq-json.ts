/** Loads the evaluation datasets' faq.json (id, question, alternates, answer) as a knowledge base. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Entry, KnowledgeBase } from '../types.ts';
import { KbError } from './kb-error.ts';
import { isMap } from './issue-collector.ts';

/** Reads `file`; the text goes into the top-level fields whatever its language (the matcher detects it). */
export async function loadFaqJson(file: string): Promise<KnowledgeBase> {
  const name = basename(file);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new KbError({ file: name, message: `cannot read JSON: ${(err as Error).message}` });
  }
  if (!Array.isArray(data)) throw new KbError({ file: name, message: 'must be a JSON array of entries' });
  const seen = new Set<string>();
  const entries = data.map((raw: unknown, i): Entry => {
    const label = isMap(raw) && typeof raw['id'] === 'string' ? raw['id'] : `#${i + 1}`;
    const fail = (field: string, message: string): never => {
      throw new KbError({ file: name, entry: label, field, message });
    };
    if (!isMap(raw)) return fail('id', 'an entry must be an object');
    const { id, question, alternates, answer } = raw;
    if (typeof id !== 'string' || id === '') return fail('id', 'must be a non-empty string');
    if (seen.has(id)) return fail('id', 'duplicate id');
    seen.add(id);
    if (typeof question !== 'string' || question.trim() === '') return fail('question', 'must be a non-empty string');
    if (!Array.isArray(alternates) || alternates.some((a) => typeof a !== 'string')) return fail('alternates', 'must be a list of strings');
    if (typeof answer !== 'string') return fail('answer', 'must be a string');
    return { id, question, alternates: alternates as string[], keywords: [], answer, followUps: [], topic: 'faq' };
  });
  return { entries, synonyms: [], flows: [], welcome: [] };
}
