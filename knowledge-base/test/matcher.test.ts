import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase, type Matcher } from '../src/index.ts';
import { writeFixtureKb } from './fixture-kb.ts';

let matcher: Matcher;
beforeAll(async () => {
  matcher = createMatcher(await loadKnowledgeBase(writeFixtureKb()));
});

describe('createMatcher on a small knowledge base', () => {
  it.each([
    ['客服热线是多少', 'hotline-personal'],
    ['你好，请问客服电话是多少？', 'hotline-personal'],
    ['客服電話多少', 'hotline-personal'],
    ['ＡＢ客服热线', 'hotline-personal'],
    ['人工客服几点上班', 'service-hours'],
    ['周末有没有客服', 'service-hours'],
    ['我的工单到哪了', 'ticket-lookup'],
    ['查一下问题单进度', 'ticket-lookup'],
    ['客服邮箱', 'email-support'],
    ['怎么投诉', 'complaint'],
  ])('answers %s with %s', (text, id) => {
    const result = matcher.match(text);
    expect(result.candidates[0]?.id).toBe(id);
    expect(result.decision).toBe('answer');
    expect(result.entry?.id).toBe(id);
    expect(result.answer).toBe(result.entry?.answer);
    expect(result.lang).toBe('zh-CN');
  });

  it('answers English questions in English', () => {
    const result = matcher.match('what is your phone number?');
    expect(result.decision).toBe('answer');
    expect(result.lang).toBe('en');
    expect(result.answer).toContain('The hotline');
    expect(result.candidates[0]?.question).toBe('What is the customer service hotline?');
  });

  it('tolerates a typo in English', () => {
    expect(matcher.match('what is the hotlne').candidates[0]?.id).toBe('hotline-personal');
  });

  it('uses synonyms: a ticket is a 工单', () => {
    expect(matcher.match('ticket 进度').candidates[0]?.id).toBe('ticket-lookup');
  });

  it('falls back to zh-CN answers for entries without English', () => {
    const result = matcher.match('how do I check my ticket progress', { lang: 'en' });
    expect(result.candidates[0]?.id).toBe('ticket-lookup');
    expect(result.candidates[0]?.question).toBe('怎么查询工单进度？');
  });

  it('hands off a request for a human but answers a question about human service hours', () => {
    expect(matcher.match('转人工').decision).toBe('handoff');
    expect(matcher.match('talk to a real person').decision).toBe('handoff');
    expect(matcher.match('人工客服几点上班？').decision).toBe('answer');
  });

  it('declines what nothing answers', () => {
    for (const text of ['今天北京天气怎么样', 'what is the capital of France', '😀😀', '']) {
      const result = matcher.match(text);
      expect(['decline', 'suggest']).toContain(result.decision);
      expect(result.answer).toBeNull();
    }
    expect(matcher.match('今天北京天气怎么样').decision).toBe('decline');
  });

  it('gives at most five candidates with scores between 0 and 1, best first', () => {
    const { candidates } = matcher.match('客服');
    expect(candidates.length).toBeLessThanOrEqual(5);
    for (const c of candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    for (const c of candidates) expect(c.score).toBeLessThanOrEqual(1);
    expect([...candidates].sort((a, b) => b.score - a.score)).toEqual(candidates);
  });

  it('looks entries up by id', () => {
    expect(matcher.entry('complaint')?.question).toBe('我要投诉，怎么投诉？');
    expect(matcher.entry('nope')).toBeUndefined();
  });

  it('answers in well under a millisecond once built', () => {
    const queries = ['客服电话多少', '工单进度', 'phone number', '周末上班吗'];
    for (const q of queries) matcher.match(q);
    const t0 = performance.now();
    for (let i = 0; i < 400; i++) matcher.match(queries[i % 4]!);
    expect((performance.now() - t0) / 400).toBeLessThan(1);
  });

  it('never indexes answer text', () => {
    expect(matcher.match('400-XXX-XXXX 工作日').candidates[0]?.id).not.toBe('hotline-personal');
  });
});

describe('createMatcher edge cases', () => {
  it('declines everything on an empty knowledge base', () => {
    const empty = createMatcher({ entries: [], synonyms: [], flows: [], welcome: [] });
    expect(empty.match('客服电话').decision).toBe('decline');
    expect(empty.match('转人工').decision).toBe('handoff');
  });

  it('stays fast and sane on a very long message', () => {
    const t0 = performance.now();
    const result = matcher.match('客服电话是多少'.repeat(2000));
    expect(performance.now() - t0).toBeLessThan(200);
    expect(result.candidates[0]?.id).toBe('hotline-personal');
  });

  it('answers in the language the caller asks for', () => {
    expect(matcher.match('客服电话是多少', { lang: 'en' }).answer).toContain('The hotline');
  });

  it('on a large knowledge base, finds entries through rare words and still offers candidates for common words alone', () => {
    // 1,200 entries that all say "account ... help": those two words are too common to pick candidates.
    const letter = (n: number): string => String.fromCharCode(97 + (n % 26));
    const name = (i: number): string => `z${letter(i)}${letter(Math.floor(i / 26))}${letter(Math.floor(i / 676))}q`;
    const entries = Array.from({ length: 1200 }, (_, i) => ({
      id: `e${i}`,
      question: `account ${name(i)} help`,
      alternates: [],
      keywords: [],
      answer: `answer ${i}`,
      followUps: [],
      topic: 'large',
    }));
    const large = createMatcher({ entries, synonyms: [], flows: [], welcome: [] });
    expect(large.match(`account ${name(777)} help`).candidates[0]?.id).toBe('e777');
    expect(large.match('account help').candidates.length).toBeGreaterThan(0);
  });
});

describe('Chinese one-character slips', () => {
  it('reads 热限 as the keyword 热线 when the knowledge base never uses 限', () => {
    const result = matcher.match('客服热限是多少');
    expect(result.candidates[0]?.id).toBe('hotline-personal');
    expect(result.decision).toBe('answer');
  });

  it('leaves ordinary characters alone', async () => {
    const { createHanSlipCorrector } = await import('../src/text/han-slip-corrector.ts');
    const guess = createHanSlipCorrector(['热线', '工单'], new Set(['热', '线', '工', '单', '了', '好']))!;
    expect(guess('客服热限多少')).toEqual(['热线']);
    expect(guess('修好了')).toEqual([]);
  });
});

describe('bare keywords', () => {
  it('answers a keyword that one entry clearly owns', () => {
    expect(matcher.match('邮箱').entry?.id).toBe('email-support');
    expect(matcher.match('hotline').entry?.id).toBe('hotline-personal');
  });

  // In the demo content 投诉 is a keyword of three entries and 远程 of two, each scoring in full: before, every one of
  // them got a "did you mean" although the first to declare it is the general one.
  it('answers with the first entry that declares a shared keyword when it also ranks first, and offers the rest otherwise', async () => {
    const demo = await loadKnowledgeBase(DEMO_KB_DIR);
    const served = createMatcher(demo);
    for (const [word, id] of [['投诉', 'complaint-channels'], ['远程', 'remote-assistance']] as const) {
      const r = served.match(word);
      expect([word, r.decision, r.entry?.id]).toEqual([word, 'answer', id]);
      expect(r.candidates[1]!.score).toBeGreaterThan(r.candidates[0]!.score - 0.08);
    }
    // The same entries listed in another order: the first to declare 投诉 now ranks below another, so it is a topic again.
    const reordered = createMatcher({ ...demo, entries: [...demo.entries].sort((a, b) => (a.id === 'complaint-process' ? -1 : b.id === 'complaint-process' ? 1 : 0)) });
    expect(reordered.match('投诉').candidates[0]!.id).not.toBe('complaint-process');
    expect(reordered.match('投诉').decision).toBe('suggest');
    // A word no entry declares stays a topic.
    expect(served.match('客服').decision).toBe('suggest');
  });
});
