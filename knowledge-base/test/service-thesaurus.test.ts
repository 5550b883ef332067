import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMatcher, normaliseText, type KnowledgeBase } from '../src/index.ts';
import { createTextPipeline } from '../src/match/text-pipeline.ts';
import { SERVICE_THESAURUS, serviceThesaurusFor } from '../src/semantic/service-thesaurus.ts';
import { demoKb, demoMatcher } from './demo-matchers.ts';

const isHan = (w: string) => /\p{Script=Han}/u.test(w);
const same = (w: string) => w;

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await demoKb();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the service thesaurus on the demo content (word vectors off, so only shared words count)', () => {
  const lexical = { semantic: false } as const;

  it.each([
    ['我的来信你们多久答复', 'email-reply-time'],
    ['打你们电话要额外掏钱吗', 'hotline-free'],
    ['之前报的修现在什么情况了', 'ticket-lookup'],
    ['用向日葵帮我弄一下行吗', 'remote-assistance'],
    ['凌晨能找到活人吗', 'online-hours'],
    ['can I leave word for your staff', 'leave-message'],
  ])('answers %s with %s, which the content alone does not', async (question, id) => {
    const on = (await demoMatcher(lexical)).match(question);
    expect(on.decision).toBe('answer');
    expect(on.entry?.id).toBe(id);
    const off = (await demoMatcher({ ...lexical, thesaurus: false })).match(question);
    expect(off.decision === 'answer' && off.entry?.id === id).toBe(false);
  });

  it.each([
    ['派人来家里要给多少', 'onsite-fee', 'onsite-available'],
  ])('ranks %s (a development question) first for %s, not %s: its words meet the phrasings in the character pairs too', async (question, id, sibling) => {
    const ranked = (await demoMatcher()).match(question).candidates.map((c) => c.id);
    expect(ranked[0]).toBe(id);
    expect(ranked).toContain(sibling);
  });

  it('reads 开发票 as a bill, not as 开发 (the developer entries)', async () => {
    const result = (await demoMatcher()).match('怎么开发票');
    expect(result.candidates[0]?.id).toBe('account-payment');
    expect((await demoMatcher({ thesaurus: false })).match('怎么开发票').candidates[0]?.id).toBe('developer-support');
  });

  it('is switched off for every matcher by KEFU_THESAURUS=off', () => {
    vi.stubEnv('KEFU_THESAURUS', 'off');
    expect(createMatcher(kb, lexical).match('之前报的修现在什么情况了').entry?.id).not.toBe('ticket-lookup');
  });

  it('keeps the knowledge base own synonyms when it is off', async () => {
    expect((await demoMatcher({ ...lexical, thesaurus: false })).match('400电话几点开始').entry?.id).toBe('hotline-hours');
  });
});

describe('synonyms in the character pairs', () => {
  const pipeline = createTextPipeline({ tokenizer: 'combined', normalise: true, synonyms: true }, [['上门', '派人', '师傅'], ['周末', '星期天']], [], [['email', 'e-mail', 'mail']]);

  it('writes a Chinese word as its group head for the character pairs, and keeps the words themselves as tokens', () => {
    const { norm, chars, tokens } = pipeline.process('师傅星期天能来吗');
    expect(norm).toBe('师傅星期天能来');
    expect(chars).toBe('上门周末能来');
    expect(tokens).toEqual(expect.arrayContaining(['师傅', '星期天', '上门', '周末']));
  });

  it('keeps a word that holds its head (客服热线 has the pairs of 热线; 热线 alone would drop 客服)', () => {
    const own = createTextPipeline({ tokenizer: 'combined', normalise: true, synonyms: true }, [['热线', '客服热线', '电话']], [], []);
    expect(own.process('客服热线是多少').chars).toBe('客服热线是多少');
    expect(own.process('客服电话是多少').chars).toBe('客服热线是多少');
  });

  it('leaves English words as typed (heads only join the tokens) and text without synonyms as it is', () => {
    expect(pipeline.process('can I mail you').chars).toBe('can i mail you');
    expect(pipeline.process('几点下班').chars).toBe('几点下班');
  });
});

describe('serviceThesaurusFor', () => {
  it('joins a concept that shares a word with a knowledge base group to that group head', () => {
    const groups = serviceThesaurusFor([['邮箱', '邮件', 'mail']], same);
    const letters = groups.find((g) => g.includes('写信'))!;
    expect(letters[0]).toBe('邮箱');
  });

  it('keeps Chinese and English words in separate groups, so an English knowledge base gets no Chinese tokens', () => {
    const groups = serviceThesaurusFor([], same);
    expect(groups.length).toBeGreaterThan(SERVICE_THESAURUS.length);
    for (const group of groups) expect(group.every(isHan) || !group.some(isHan)).toBe(true);
    const english = createMatcher({ entries: [{ id: 'reply', question: 'How long until you reply?', alternates: ['When will I get an answer'], answer: 'Within a day.', keywords: [], tags: [] } as never, { id: 'fee', question: 'Do you charge for support?', alternates: [], answer: 'No.', keywords: [], tags: [] } as never], synonyms: [], flows: [], welcome: [] }, { calibrate: false });
    expect(english.match('how soon do you reply').candidates[0]?.id).toBe('reply');
  });

  it('holds no single character and no word twice, also as the matcher reads it (normalised)', () => {
    const words = SERVICE_THESAURUS.flat();
    expect(words.filter((w) => isHan(w) && [...w].length < 2)).toEqual([]);
    const read = words.map((w) => normaliseText(w));
    expect(words.filter((w, i) => read[i] === '' || read.indexOf(read[i]!) !== i)).toEqual([]);
  });
});
