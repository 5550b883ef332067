/** Loads a content folder, refusing it (KbError) on any problem so a server never runs half a knowledge base. */
import type { KnowledgeBase, LintIssue } from '../types.ts';
import { KbError } from './kb-error.ts';
import { readKnowledgeBase } from './read-knowledge-base.ts';

/** Reads the YAML files of FORMAT.md from `dir`; throws KbError naming file, entry and field. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const { kb, issues } = await readKnowledgeBase(dir);
  const first = issues[0];
  if (first) throw new KbError(first, issues);
  return kb;
}

/** Every problem in the folder's files (empty when it loads cleanly). */
export async function lintKnowledgeBase(dir: string): Promise<LintIssue[]> {
  return (await readKnowledgeBase(dir)).issues;
}
