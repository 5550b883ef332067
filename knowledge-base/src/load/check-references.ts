/** Cross-file checks: unique ids, follow-ups, flows and welcome ids that exist, clean phrasings and answers. */
import type { Entry, KnowledgeBase, LintIssue } from '../types.ts';
import { checkAnswerMarkdown } from './check-answer-markdown.ts';
import { entryPhrasings } from './phrasings.ts';
import { longestMatches } from '../text/longest-matches.ts';
import { normaliseText } from '../text/normalise-text.ts';

/** Where each entry came from, so issues can name the file. */
export type EntryFiles = Map<Entry, string>;

/** Appends every cross-reference and content problem of `kb` to `issues`. */
export function checkReferences(kb: KnowledgeBase, files: EntryFiles, welcomeFile: string, issues: LintIssue[]): void {
  const byId = new Map<string, Entry>();
  const flowIds = new Set(kb.flows.map((f) => f.id));
  for (const entry of kb.entries) {
    const file = files.get(entry) ?? '?';
    const add = (field: string, message: string): void => void issues.push({ file, entry: entry.id, field, message });
    const first = byId.get(entry.id);
    if (first) add('id', `duplicate id (also in ${files.get(first) ?? '?'})`);
    else byId.set(entry.id, entry);
    checkPhrasings(entry.question, entry.alternates, 'alternates', add);
    if (entry.en) checkPhrasings(entry.en.question, entry.en.alternates, 'en.alternates', add);
    for (const problem of checkAnswerMarkdown(entry.answer)) add('answer', problem);
    if (entry.en) for (const problem of checkAnswerMarkdown(entry.en.answer)) add('en.answer', problem);
    if (entry.flow !== undefined && !flowIds.has(entry.flow)) add('flow', `unknown flow "${entry.flow}"`);
  }
  for (const entry of kb.entries) {
    const file = files.get(entry) ?? '?';
    for (const id of entry.followUps) {
      if (!byId.has(id)) issues.push({ file, entry: entry.id, field: 'followUps', message: `unknown entry id "${id}"` });
    }
  }
  kb.welcome.forEach((id, i) => {
    if (!byId.has(id)) issues.push({ file: welcomeFile, field: `welcome[${i}]`, message: `unknown entry id "${id}"` });
  });
}

function checkPhrasings(question: string, alternates: string[], field: string, add: (field: string, message: string) => void): void {
  const seen = new Set([squash(question)]);
  alternates.forEach((alt, i) => {
    const key = squash(alt);
    if (key === squash(question)) add(`${field}[${i}]`, `duplicates the question "${question}"`);
    else if (seen.has(key)) add(`${field}[${i}]`, `duplicates another alternate "${alt}"`);
    seen.add(key);
  });
}

/** Case, spacing and punctuation do not make a phrasing different. */
function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * An own off-topic word that a phrasing uses would lower the scores of questions that entry is written for: it is
 * refused, naming the entry. (A built-in group simply does not count for a knowledge base that uses one of its words.)
 */
export function checkOffTopic(kb: KnowledgeBase, file: string, issues: LintIssue[]): void {
  const words = kb.offTopic ?? [];
  if (words.length === 0) return;
  const find = longestMatches(words.map((w) => normaliseText(w)));
  const seen = new Set<string>();
  for (const entry of kb.entries) {
    for (const phrasing of entryPhrasings(entry)) {
      for (const word of find(normaliseText(phrasing))) {
        if (seen.has(word)) continue;
        seen.add(word);
        issues.push({ file, field: `off_topic[${words.findIndex((w) => normaliseText(w) === word)}]`, message: `"${word}" is in a phrasing of entry "${entry.id}": questions it is written for would lose their answer` });
      }
    }
  }
}

