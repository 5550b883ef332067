import { describe, expect, it } from 'vitest';
import { KbError, lintKnowledgeBase, loadKnowledgeBase } from '../src/index.ts';
import { CONTACT_YAML, FLOWS_YAML, TICKETS_YAML, writeFixtureKb } from './fixture-kb.ts';

/** Loads `dir` and returns the KbError it must throw. */
async function loadError(dir: string): Promise<KbError> {
  const err = await loadKnowledgeBase(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KbError);
  return err as KbError;
}

describe('loadKnowledgeBase', () => {
  it('reads topic files, synonyms, flows and welcome ids', async () => {
    const kb = await loadKnowledgeBase(writeFixtureKb());
    expect(kb.entries.map((e) => e.id)).toEqual(['hotline-personal', 'service-hours', 'email-support', 'ticket-lookup', 'complaint']);
    const hotline = kb.entries[0]!;
    expect(hotline.topic).toBe('contact');
    expect(hotline.department).toBe('general');
    expect(hotline.en?.alternates).toContain('phone number');
    expect(kb.entries[3]!.topic).toBe('tickets');
    expect(kb.synonyms[0]).toContain('hotline');
    expect(kb.flows[0]!.steps).toHaveLength(2);
    expect(kb.welcome).toEqual(['hotline-personal', 'service-hours', 'ticket-lookup']);
  });

  it('names the file, entry and field of a missing answer', async () => {
    const err = await loadError(writeFixtureKb({ 'tickets.yaml': TICKETS_YAML.replace('    answer: 请输入工单编号。\n', '') }));
    expect(err.file).toBe('tickets.yaml');
    expect(err.entry).toBe('ticket-lookup');
    expect(err.field).toBe('answer');
    expect(err.message).toContain('tickets.yaml: ticket-lookup: answer:');
  });

  it('names the file of a YAML syntax error', async () => {
    const err = await loadError(writeFixtureKb({ 'contact.yaml': 'entries:\n  - id: a\n    question: [unclosed\n' }));
    expect(err.file).toBe('contact.yaml');
    expect(err.message).toMatch(/contact\.yaml: YAML syntax/);
  });

  it('rejects duplicate ids across files', async () => {
    const err = await loadError(writeFixtureKb({ 'more.yaml': TICKETS_YAML.replace(/ticket-lookup/g, 'hotline-personal').replace('flow: hotline-personal', 'flow: ticket-lookup') }));
    expect(err.issues.some((i) => i.field === 'id' && /duplicate/.test(i.message))).toBe(true);
  });

  it('rejects a folder that does not exist', async () => {
    const err = await loadError('/nonexistent/kefu-kb');
    expect(err.message).toContain('cannot read the folder');
  });
});

describe('lintKnowledgeBase', () => {
  it("reads the knowledge base's own off-topic words", async () => {
    const kb = await loadKnowledgeBase(writeFixtureKb({ '_off_topic.yaml': 'off_topic: [华为, 苹果手机, iphone]\n' }));
    expect(kb.offTopic).toEqual(['华为', '苹果手机', 'iphone']);
    expect((await loadKnowledgeBase(writeFixtureKb())).offTopic).toBeUndefined();
  });

  it('finds nothing in a clean folder', async () => {
    expect(await lintKnowledgeBase(writeFixtureKb())).toEqual([]);
  });

  const cases: Array<[string, Record<string, string>, { file: string; entry?: string; field?: string; message: RegExp }]> = [
    ['unknown field', { 'contact.yaml': CONTACT_YAML.replace('    keywords: [热线, 电话]', '    keyword: [热线, 电话]') }, { file: 'contact.yaml', entry: 'hotline-personal', field: 'keyword', message: /unknown field/ }],
    ['empty question', { 'contact.yaml': CONTACT_YAML.replace('question: 客服邮箱是多少？', 'question: ""') }, { file: 'contact.yaml', entry: 'email-support', field: 'question', message: /empty/ }],
    ['unknown follow-up', { 'tickets.yaml': TICKETS_YAML.replace('followUps: [ticket-lookup]', 'followUps: [nope]') }, { file: 'tickets.yaml', entry: 'complaint', field: 'followUps', message: /unknown entry id "nope"/ }],
    ['unknown flow', { 'tickets.yaml': TICKETS_YAML.replace('flow: ticket-lookup', 'flow: lookup') }, { file: 'tickets.yaml', entry: 'ticket-lookup', field: 'flow', message: /unknown flow/ }],
    ['unknown welcome id', { '_welcome.yaml': 'welcome: [hotline-personal, gone]\n' }, { file: '_welcome.yaml', field: 'welcome[1]', message: /unknown entry id "gone"/ }],
    ['unsafe link scheme', { 'contact.yaml': CONTACT_YAML.replace('(mailto:support@helloworld.com)', '(javascript:alert(1))') }, { file: 'contact.yaml', entry: 'email-support', field: 'answer', message: /scheme "javascript:"/ }],
    ['raw HTML', { 'contact.yaml': CONTACT_YAML.replace('工作日 9:00-21:00', '<b>工作日</b> 9:00-21:00') }, { file: 'contact.yaml', entry: 'service-hours', field: 'answer', message: /raw HTML/ }],
    ['alternate duplicating the question', { 'tickets.yaml': TICKETS_YAML.replace('[查工单,', '[怎么查询工单进度,') }, { file: 'tickets.yaml', entry: 'ticket-lookup', field: 'alternates[0]', message: /duplicates the question/ }],
    ['bad id', { 'tickets.yaml': TICKETS_YAML.replace('id: complaint', 'id: Complaint_1') }, { file: 'tickets.yaml', entry: 'Complaint_1', field: 'id', message: /a-z0-9/ }],
    ['unknown flow action', { '_flows.yaml': FLOWS_YAML.replace('action: ticket.lookup', 'action: ticket.delete') }, { file: '_flows.yaml', entry: 'ticket-lookup', field: 'steps[1].action', message: /unknown action/ }],
    ['invalid regex', { '_flows.yaml': FLOWS_YAML.replace(/pattern: .*/, "pattern: '^T(\\d{8}'") }, { file: '_flows.yaml', entry: 'ticket-lookup', field: 'steps[0].pattern', message: /invalid regular expression/ }],
    ['YAML syntax', { 'tickets.yaml': 'entries:\n  - id: x\n   question: bad indent\n' }, { file: 'tickets.yaml', message: /YAML syntax/ }],
    ['off-topic words that are not a list', { '_off_topic.yaml': 'off_topic: 华为\n' }, { file: '_off_topic.yaml', field: 'off_topic', message: /list of words/ }],
    ['an empty off-topic word', { '_off_topic.yaml': 'off_topic: [华为, "  "]\n' }, { file: '_off_topic.yaml', field: 'off_topic[1]', message: /non-empty/ }],
    ['an off-topic word a phrasing uses', { '_off_topic.yaml': 'off_topic: [华为, 工单]\n' }, { file: '_off_topic.yaml', field: 'off_topic[1]', message: /"工单" is in a phrasing of entry "ticket-lookup"/ }],
  ];

  it.each(cases)('catches %s', async (_name, files, expected) => {
    const issues = await lintKnowledgeBase(writeFixtureKb(files));
    expect(issues).toContainEqual(expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }));
  });
});
