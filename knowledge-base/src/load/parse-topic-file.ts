/** Turns one parsed topic file (FORMAT.md "Topic file") into entries, reporting every structural problem. */
import type { Entry } from '../types.ts';
import { isMap, type IssueCollector, type YamlMap } from './issue-collector.ts';

const FILE_FIELDS = ['topic', 'department', 'entries'] as const;
const ENTRY_FIELDS = ['id', 'question', 'alternates', 'keywords', 'answer', 'department', 'followUps', 'flow', 'en'] as const;
const EN_FIELDS = ['question', 'alternates', 'keywords', 'answer'] as const;
const ID_PATTERN = /^[a-z0-9-]+$/;

/** Parses a topic file; `fallbackTopic` is the file name without extension. */
export function parseTopicFile(doc: unknown, fallbackTopic: string, issues: IssueCollector): Entry[] {
  if (!isMap(doc)) {
    issues.add(undefined, 'a topic file must be a mapping with an `entries` list');
    return [];
  }
  issues.unknownFields(doc, FILE_FIELDS);
  const topic = issues.string(doc, 'topic', false) ?? fallbackTopic;
  const department = issues.string(doc, 'department', false);
  const list = doc['entries'];
  if (!Array.isArray(list)) {
    issues.add('entries', 'must be a list of entries');
    return [];
  }
  const entries: Entry[] = [];
  list.forEach((raw: unknown, i) => {
    const entry = parseEntry(raw, i, topic, department, issues);
    if (entry) entries.push(entry);
  });
  return entries;
}

function parseEntry(raw: unknown, index: number, topic: string, fileDepartment: string | undefined, fileIssues: IssueCollector): Entry | null {
  if (!isMap(raw)) {
    fileIssues.forEntry(`#${index + 1}`).add(undefined, 'an entry must be a mapping');
    return null;
  }
  const rawId = raw['id'];
  const label = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index + 1}`;
  const issues = fileIssues.forEntry(label);
  issues.unknownFields(raw, ENTRY_FIELDS);
  const id = issues.string(raw, 'id', true);
  if (id !== undefined && id !== '' && !ID_PATTERN.test(id)) issues.add('id', 'must match [a-z0-9-]+');
  const question = issues.string(raw, 'question', true) ?? '';
  const answer = issues.string(raw, 'answer', true) ?? '';
  const entry: Entry = {
    id: id ?? label,
    question: question.trim(),
    alternates: issues.stringList(raw, 'alternates').map((s) => s.trim()),
    keywords: issues.stringList(raw, 'keywords').map((s) => s.trim()),
    answer: answer.trim(),
    followUps: issues.stringList(raw, 'followUps').map((s) => s.trim()),
    topic,
  };
  const department = issues.string(raw, 'department', false) ?? fileDepartment;
  if (department !== undefined) entry.department = department;
  const flow = issues.string(raw, 'flow', false);
  if (flow !== undefined) entry.flow = flow.trim();
  if (raw['en'] !== undefined && raw['en'] !== null) {
    const en = parseEnglish(raw['en'], issues);
    if (en) entry.en = en;
  }
  return entry;
}

function parseEnglish(raw: unknown, issues: IssueCollector): Entry['en'] | null {
  if (!isMap(raw)) {
    issues.add('en', 'must be a mapping with question and answer');
    return null;
  }
  const en: YamlMap = raw;
  issues.unknownFields(en, EN_FIELDS, 'en.');
  return {
    question: (issues.string(en, 'question', true, 'en.') ?? '').trim(),
    alternates: issues.stringList(en, 'alternates', 'en.').map((s) => s.trim()),
    keywords: issues.stringList(en, 'keywords', 'en.').map((s) => s.trim()),
    answer: (issues.string(en, 'answer', true, 'en.') ?? '').trim(),
  };
}
