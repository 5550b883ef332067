/** Parses the shared files `_synonyms.yaml`, `_flows.yaml`, `_welcome.yaml` and `_off_topic.yaml`. */
import type { Flow, FlowStep, Localized, SynonymGroup } from '../types.ts';
import { isMap, type IssueCollector } from './issue-collector.ts';

const ACTIONS = ['ticket.lookup', 'ticket.create'] as const;

/** `synonyms:` a list of word groups, each a list of at least two words. */
export function parseSynonyms(doc: unknown, issues: IssueCollector): SynonymGroup[] {
  if (!isMap(doc) || !Array.isArray(doc['synonyms'])) {
    issues.add('synonyms', 'must be a list of word lists');
    return [];
  }
  issues.unknownFields(doc, ['synonyms']);
  const groups: SynonymGroup[] = [];
  doc['synonyms'].forEach((group: unknown, i) => {
    const field = `synonyms[${i}]`;
    if (!Array.isArray(group) || group.length < 2) return issues.add(field, 'must be a list of at least two words');
    const words = group.map((w: unknown) => (typeof w === 'number' ? String(w) : w));
    if (words.some((w) => typeof w !== 'string' || w.trim() === '')) return issues.add(field, 'every word must be a non-empty string');
    groups.push((words as string[]).map((w) => w.trim()));
  });
  return groups;
}

/** `off_topic:` a list of words naming things the knowledge base does not deal with (checked against the phrasings later). */
export function parseOffTopic(doc: unknown, issues: IssueCollector): string[] {
  if (!isMap(doc) || !Array.isArray(doc['off_topic'])) {
    issues.add('off_topic', 'must be a list of words');
    return [];
  }
  issues.unknownFields(doc, ['off_topic']);
  return issues.stringList(doc, 'off_topic').map((w) => w.trim());
}

/** `welcome:` a list of entry ids (checked against the entries later). */
export function parseWelcome(doc: unknown, issues: IssueCollector): string[] {
  if (!isMap(doc)) {
    issues.add('welcome', 'must be a list of entry ids');
    return [];
  }
  issues.unknownFields(doc, ['welcome']);
  return issues.stringList(doc, 'welcome');
}

/** `flows:` declared multi-turn flows. */
export function parseFlows(doc: unknown, issues: IssueCollector): Flow[] {
  if (!isMap(doc) || !Array.isArray(doc['flows'])) {
    issues.add('flows', 'must be a list of flows');
    return [];
  }
  issues.unknownFields(doc, ['flows']);
  const flows: Flow[] = [];
  doc['flows'].forEach((raw: unknown, i) => {
    const label = isMap(raw) && typeof raw['id'] === 'string' ? raw['id'] : `#${i + 1}`;
    const flowIssues = issues.forEntry(label);
    if (!isMap(raw)) return flowIssues.add(undefined, 'a flow must be a mapping');
    flowIssues.unknownFields(raw, ['id', 'title', 'steps']);
    const id = flowIssues.string(raw, 'id', true) ?? label;
    if (flows.some((f) => f.id === id)) flowIssues.add('id', 'duplicate flow id');
    const title = parseLocalized(raw['title'], 'title', flowIssues);
    if (!Array.isArray(raw['steps']) || raw['steps'].length === 0) {
      flowIssues.add('steps', 'must be a non-empty list of steps');
      return;
    }
    const steps: FlowStep[] = [];
    raw['steps'].forEach((step: unknown, j) => {
      const parsed = parseStep(step, `steps[${j}]`, flowIssues);
      if (parsed) steps.push(parsed);
    });
    flows.push({ id, title: title ?? { 'zh-CN': id }, steps });
  });
  return flows;
}

function parseStep(raw: unknown, field: string, issues: IssueCollector): FlowStep | null {
  if (!isMap(raw)) {
    issues.add(field, 'a step must be a mapping with `ask` or `action`');
    return null;
  }
  if (raw['ask'] !== undefined) {
    issues.unknownFields(raw, ['ask', 'prompt', 'pattern', 'invalid'], `${field}.`);
    const ask = issues.string(raw, 'ask', true, `${field}.`) ?? '';
    const prompt = parseLocalized(raw['prompt'], `${field}.prompt`, issues);
    const step: FlowStep = { ask, prompt: prompt ?? { 'zh-CN': ask } };
    const pattern = issues.string(raw, 'pattern', false, `${field}.`);
    if (pattern !== undefined) {
      try {
        new RegExp(pattern, 'u');
        step.pattern = pattern;
      } catch (err) {
        issues.add(`${field}.pattern`, `invalid regular expression: ${(err as Error).message}`);
      }
    }
    if (raw['invalid'] !== undefined) {
      const invalid = parseLocalized(raw['invalid'], `${field}.invalid`, issues);
      if (invalid) step.invalid = invalid;
    }
    return step;
  }
  if (raw['action'] !== undefined) {
    issues.unknownFields(raw, ['action', 'reply'], `${field}.`);
    const action = raw['action'];
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
      issues.add(`${field}.action`, `unknown action ${JSON.stringify(action)} (known: ${ACTIONS.join(', ')})`);
      return null;
    }
    const reply: Record<string, Localized> = {};
    if (!isMap(raw['reply'])) issues.add(`${field}.reply`, 'must map each outcome to a message');
    else {
      for (const [outcome, text] of Object.entries(raw['reply'])) {
        const parsed = parseLocalized(text, `${field}.reply.${outcome}`, issues);
        if (parsed) reply[outcome] = parsed;
      }
    }
    return { action: action as (typeof ACTIONS)[number], reply };
  }
  issues.add(field, 'a step needs `ask` or `action`');
  return null;
}

function parseLocalized(raw: unknown, field: string, issues: IssueCollector): Localized | null {
  if (typeof raw === 'string' && raw.trim() !== '') return { 'zh-CN': raw };
  if (!isMap(raw)) {
    issues.add(field, 'must be { zh-CN: …, en: … }');
    return null;
  }
  issues.unknownFields(raw, ['zh-CN', 'en'], `${field}.`);
  const zh = issues.string(raw, 'zh-CN', true, `${field}.`);
  if (zh === undefined) return null;
  const en = issues.string(raw, 'en', false, `${field}.`);
  return en === undefined ? { 'zh-CN': zh } : { 'zh-CN': zh, en };
}
