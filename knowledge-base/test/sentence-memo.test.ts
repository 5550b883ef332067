import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KB_DIR, readQueries, type KnowledgeBase } from '../src/index.ts';
import { DEFAULT_WEIGHTS } from '../src/match/create-matcher.ts';
import { buildEntryIndex } from '../src/match/entry-index.ts';
import { createRanker, type Ranker } from '../src/match/rank-entries.ts';
import { createSentenceMemo, MAX_WORDS } from '../src/semantic/sentence-memo.ts';
import { wordVectors } from '../src/semantic/word-vectors.ts';
import { demoKb } from './demo-matchers.ts';

let kb: KnowledgeBase;
let asked: string[];
beforeAll(async () => {
  kb = await demoKb();
  const held = await readQueries(join(DEMO_KB_DIR, '..', 'eval', 'demo', 'queries.jsonl'));
  // Chinese and English questions, and the content's own phrasings (what calibration asks).
  asked = [...held.map((q) => q.q), ...kb.entries.flatMap((e) => [e.question, ...(e.en ? [e.en.question] : [])])];
});

const rankAll = (rank: Ranker): unknown[] => asked.map((q) => rank(q));

describe('what a calibration remembers between its folds', () => {
  it('ranks every question exactly as without it, the first time and when it reads back what it kept', () => {
    const index = buildEntryIndex(kb, {});
    const plain = rankAll(createRanker(index, DEFAULT_WEIGHTS, true));
    const memo = createSentenceMemo(wordVectors());
    const remembering = createRanker(buildEntryIndex(kb, {}, undefined, undefined, memo), DEFAULT_WEIGHTS, true, memo);
    expect(rankAll(remembering)).toEqual(plain);
    expect(memo.zh.size).toBeGreaterThan(100);
    expect(memo.en.size).toBeGreaterThan(10);
    expect(memo.pairs!.placed).toBeGreaterThan(100);
    expect(rankAll(remembering)).toEqual(plain);
    // A second index (another fold) reads the same memo.
    const fold = { ...kb, entries: kb.entries.slice(10) };
    const foldPlain = rankAll(createRanker(buildEntryIndex(fold, {}), DEFAULT_WEIGHTS, true));
    expect(rankAll(createRanker(buildEntryIndex(fold, {}, undefined, undefined, memo), DEFAULT_WEIGHTS, true, memo))).toEqual(foldPlain);
  });

  it('compares words it has no room left for each time, with the same result', () => {
    const index = buildEntryIndex(kb, {});
    const plain = rankAll(createRanker(index, DEFAULT_WEIGHTS, true));
    const memo = createSentenceMemo(wordVectors());
    // Room for five more words: most pairs are computed, a few are kept.
    memo.pairs!.placed = MAX_WORDS - 5;
    const remembering = createRanker(index, DEFAULT_WEIGHTS, true, memo);
    expect(rankAll(remembering)).toEqual(plain);
    expect(rankAll(remembering)).toEqual(plain);
    expect(memo.pairs!.placed).toBe(MAX_WORDS);
  });
});
