/** Reads a content folder into a knowledge base plus the list of every problem found (shared by loader and linter). */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Entry, KnowledgeBase, LintIssue } from '../types.ts';
import { checkOffTopic, checkReferences, type EntryFiles } from './check-references.ts';
import { IssueCollector } from './issue-collector.ts';
import { parseFlows, parseOffTopic, parseSynonyms, parseWelcome } from './parse-shared-files.ts';
import { parseTopicFile } from './parse-topic-file.ts';

/** The parsed knowledge base and the problems; the knowledge base is only trustworthy when `issues` is empty. */
export interface ReadResult {
  kb: KnowledgeBase;
  issues: LintIssue[];
}

const SHARED = new Set(['_synonyms', '_flows', '_welcome', '_off_topic']);

/** Reads every `.yaml`/`.yml` file of `dir` (not recursive). */
export async function readKnowledgeBase(dir: string): Promise<ReadResult> {
  const issues: LintIssue[] = [];
  const kb: KnowledgeBase = { entries: [], synonyms: [], flows: [], welcome: [] };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    issues.push({ file: dir, message: `cannot read the folder: ${(err as Error).message}` });
    return { kb, issues };
  }
  if (!names.some((n) => !n.startsWith('_'))) issues.push({ file: dir, message: 'no topic files (*.yaml) found' });
  const files: EntryFiles = new Map();
  for (const name of names) {
    const collector = new IssueCollector(issues, name);
    const doc = await parseYamlFile(join(dir, name), collector);
    if (doc === undefined) continue;
    const stem = basename(name, extname(name));
    if (stem === '_synonyms') kb.synonyms.push(...parseSynonyms(doc, collector));
    else if (stem === '_flows') kb.flows.push(...parseFlows(doc, collector));
    else if (stem === '_welcome') kb.welcome.push(...parseWelcome(doc, collector));
    else if (stem === '_off_topic') (kb.offTopic ??= []).push(...parseOffTopic(doc, collector));
    else if (stem.startsWith('_')) collector.add(undefined, `unknown shared file (known: ${[...SHARED].map((s) => `${s}.yaml`).join(', ')})`);
    else {
      const entries: Entry[] = parseTopicFile(doc, stem, collector);
      for (const entry of entries) files.set(entry, name);
      kb.entries.push(...entries);
    }
  }
  checkReferences(kb, files, names.find((n) => n.startsWith('_welcome')) ?? '_welcome.yaml', issues);
  checkOffTopic(kb, names.find((n) => n.startsWith('_off_topic')) ?? '_off_topic.yaml', issues);
  return { kb, issues };
}

async function parseYamlFile(path: string, issues: IssueCollector): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    issues.add(undefined, `cannot read: ${(err as Error).message}`);
    return undefined;
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) issues.add(undefined, `YAML syntax: ${error.message.split('\n')[0]}`);
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 100 });
}
