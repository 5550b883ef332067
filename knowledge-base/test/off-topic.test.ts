/** Questions about things a support desk does not deal with are not answered for the small words they share with the FAQ. */
import { describe, expect, it } from 'vitest';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase } from '../src/index.ts';
import { offTopicShare, offTopicWordsFor } from '../src/match/off-topic.ts';
import { OFF_TOPIC_GROUPS } from '../src/match/off-topic-words.ts';
import { longestMatches } from '../src/text/longest-matches.ts';
import { COMMANDS } from './command-kb.ts';

describe('off-topic words', async () => {
  const kb = await loadKnowledgeBase(DEMO_KB_DIR);
  const served = createMatcher(kb);
  const without = createMatcher(kb, { offTopic: false });
  const decision = (m: typeof served, q: string): string => {
    const r = m.match(q);
    return r.decision === 'answer' ? `answer:${r.entry!.id}` : r.decision;
  };

  // Each shares 价格/多少, 公司 or 客服 with the service content and was answered with a fee, a contact or the scope.
  it.each(['黄金价格多少', '公司创始人是谁', '你们公司的股票代码是多少', '技术支持岗位的工资待遇', 'what is the gold price today'])('does not answer %s, which the content answers without them', (q) => {
    expect(decision(without, q)).toMatch(/^answer:/);
    expect(decision(served, q)).toMatch(/^(decline|suggest)$/);
    // The candidates are still listed, with the lowered score the decision was made on, and the result says why.
    const r = served.match(q);
    expect(r.candidates[0]!.score).toBeLessThan(without.match(q).candidates[0]!.score);
    expect(r.offTopic!.words.length).toBeGreaterThan(0);
    expect(r.offTopic!.factor).toBeLessThan(1);
    expect(without.match(q).offTopic).toBeUndefined();
  });

  it('reports the words and the factor (黄金 is a third of 黄金价格多少: ×0.5)', () => {
    expect(served.match('黄金价格多少').offTopic).toEqual({ words: ['黄金'], factor: 0.5 });
    expect(served.match('客服热线是多少').offTopic).toBeUndefined();
  });

  it('leaves support questions as they were, also those that mention such a thing in passing', () => {
    for (const q of ['客服热线是多少', '上门服务收费吗', '台风天热线有人接吗', '学校机房电脑坏了能上门吗', '我在医院，能晚点回电吗', 'is the hotline free']) {
      expect([q, decision(served, q)]).toEqual([q, decision(without, q)]);
    }
  });

  it('counts a group only when the knowledge base never talks about it: a voice assistant keeps its weather and films', () => {
    const assistant = createMatcher(COMMANDS);
    expect(assistant.match('今天天气怎么样').entry?.id).toBe('weather');
    expect(assistant.match('附近电影院今晚有什么电影').entry?.id).toBe('movie-times');
    const words = offTopicWordsFor(COMMANDS.entries.flatMap((e) => [e.question, ...e.alternates]), (w) => w.toLowerCase());
    for (const w of OFF_TOPIC_GROUPS.weather!) expect(words).not.toContain(w.toLowerCase());
    for (const w of OFF_TOPIC_GROUPS.entertainment!) expect(words).not.toContain(w.toLowerCase());
    expect(words).toContain('股票');
  });

  it('keeps parcels foreign to a desk that mentions a promotion or a refund in passing', () => {
    // The demo content asks whether an on-site visit is free during a promotion (促销), and about refunds for late repairs.
    const words = offTopicWordsFor(kb.entries.flatMap((e) => [e.question, ...e.alternates, ...(e.en ? [e.en.question, ...e.en.alternates] : [])]), (w) => w.toLowerCase());
    expect(words).not.toContain('促销');
    expect(words).not.toContain('退款');
    for (const w of ['快递', '物流', 'parcel']) expect(words).toContain(w);
    expect(served.match('帮我查一下快递到哪了').offTopic?.words).toEqual(['快递']);
  });

  it("adds the knowledge base's own words (_off_topic.yaml) to the built-in ones", () => {
    const q = '华为客服热线是多少';
    expect(served.match(q).offTopic).toBeUndefined();
    const own = createMatcher({ ...kb, offTopic: ['华为'] });
    expect(own.match(q).offTopic).toEqual({ words: ['华为'], factor: 1 - 1.5 * (2 / 9) });
    expect(own.match(q).candidates[0]!.score).toBeLessThan(served.match(q).candidates[0]!.score);
    expect(own.match('客服热线是多少').offTopic).toBeUndefined();
  });

  it('measures the share of the question the words make up, English words on word boundaries only', () => {
    const find = longestMatches(['黄金', 'rain', 'gold price']);
    expect(offTopicShare(find, '黄金价格多少')).toBeCloseTo(2 / 6);
    expect(offTopicShare(find, 'training schedule')).toBe(0);
    expect(offTopicShare(find, 'gold price')).toBe(1);
    expect(offTopicShare(find, '')).toBe(0);
  });
});
