import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMatcher, type KnowledgeBase } from '../src/index.ts';
import { sentenceRows } from '../src/semantic/semantic-index.ts';
import { wordVectors } from '../src/semantic/word-vectors.ts';
import { englishVectors, pieceRows } from '../src/semantic/english-vectors.ts';
import { demoKb, demoMatcher } from './demo-matchers.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await demoKb();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// The thesaurus (service-thesaurus.test.ts) knows 写信 and 电邮 too, and synonym groups also rewrite the character pairs
// (the content's 邮箱 group): these compare the word vectors without any synonym groups.
const alone = { synonyms: false } as const;

describe('the semantic layer on the demo content', () => {
  it('answers 我的来信你们多久答复 with the email reply time; without it the time to fix a fault ranks first', async () => {
    const on = (await demoMatcher(alone)).match('我的来信你们多久答复');
    expect(on.decision).toBe('answer');
    expect(on.entry?.id).toBe('email-reply-time');
    const off = (await demoMatcher({ ...alone, semantic: false })).match('我的来信你们多久答复');
    expect(off.candidates[0]!.id).not.toBe('email-reply-time');
  });

  it('answers 发封电邮过去要等几天 (电邮 for 邮件) with the email reply time, which is not answered without it', async () => {
    const on = (await demoMatcher(alone)).match('发封电邮过去要等几天');
    expect(on.decision).toBe('answer');
    expect(on.entry?.id).toBe('email-reply-time');
    expect((await demoMatcher({ ...alone, semantic: false })).match('发封电邮过去要等几天').decision).not.toBe('answer');
  });

  it('is switched off for every matcher by KEFU_SEMANTIC=off', () => {
    vi.stubEnv('KEFU_SEMANTIC', 'off');
    expect(createMatcher(kb, alone).match('发封电邮过去要等几天').decision).not.toBe('answer');
  });

  it('leaves a bare keyword to its "did you mean": 客服 names a topic many entries share', async () => {
    const on = (await demoMatcher()).match('客服');
    expect(on.decision).toBe('suggest');
    expect(on.candidates).toEqual((await demoMatcher({ semantic: false })).match('客服').candidates);
  });

  it('reads English through the piece vectors: real people after midnight are the online service hours', async () => {
    const q = 'are real people on the chat after midnight';
    const on = (await demoMatcher()).match(q);
    expect(on.decision).toBe('answer');
    expect(on.entry?.id).toBe('online-hours');
    expect((await demoMatcher({ semantic: false })).match(q).entry?.id).not.toBe('online-hours');
  });

  it('only re-ranks English candidates: the best one keeps the score the words gave it', async () => {
    const on = await demoMatcher();
    const off = await demoMatcher({ semantic: false });
    for (const q of ['what is your phone number', 'how long do you take to answer an email', 'how do I learn guitar']) {
      const [ranked, lexical] = [on.match(q).candidates, off.match(q).candidates];
      // No candidate gains: the best score is never above the words' best, and one listed by both never scores higher.
      expect(ranked[0]!.score).toBeLessThanOrEqual(lexical[0]!.score + 1e-9);
      for (const c of ranked) expect(c.score).toBeLessThanOrEqual((lexical.find((l) => l.id === c.id)?.score ?? Infinity) + 1e-9);
    }
    // Where the words already pick the entry meaning agrees with, its score is what the words gave it.
    const [a, b] = [on.match('what is your phone number').candidates[0]!, off.match('what is your phone number').candidates[0]!];
    expect([a.id, a.score]).toEqual([b.id, b.score]);
  });
});

describe('sentence words', () => {
  it('reads Chinese in the words the vectors know, skipping characters they do not', () => {
    const vectors = wordVectors()!;
    const byRow = new Map([...vectors.rows].map(([word, row]) => [row, word]));
    expect(sentenceRows('东西坏了能派人来', vectors).map((r) => byRow.get(r))).toContain('派人');
    expect(sentenceRows('how long do you take', vectors)).toEqual([]);
  });

  it("cuts English words into the encoder's own pieces and leaves Chinese to the Chinese table", () => {
    const vectors = englishVectors()!;
    const byRow = new Map([...vectors.rows].map(([piece, row]) => [row, piece]));
    expect(pieceRows('how long do you take to reply', vectors).map((r) => byRow.get(r))).toEqual(['▁how', '▁long', '▁do', '▁you', '▁take', '▁to', '▁reply']);
    expect(pieceRows('unrefundable', vectors).length).toBeGreaterThan(1);
    expect(pieceRows('客服电话 phone', vectors)).toEqual([]);
  });
});
