import { describe, expect, it } from 'vitest';
import { bigrams, createHanTokenizer } from '../src/text/han-tokenizers.ts';
import { tokenize } from '../src/text/tokenize.ts';
import type { TokenizerName } from '../src/types.ts';

const NAMES: TokenizerName[] = ['jieba', 'segmenter', 'bigram', 'combined'];

describe.each(NAMES)('Han tokenizer %s (shared contract)', (name) => {
  const cut = createHanTokenizer(name);

  it('covers every character of the run', () => {
    const run = '人工客服几点上班';
    const tokens = cut(run);
    expect(tokens.length).toBeGreaterThan(0);
    for (const ch of run) expect(tokens.join('')).toContain(ch);
  });

  it('is deterministic and handles one character', () => {
    expect(cut('工单进度')).toEqual(cut('工单进度'));
    expect(cut('好')).toContain('好');
  });
});

describe('specific tokenizers', () => {
  it('bigram cuts overlapping pairs', () => {
    expect(bigrams('客服电话')).toEqual(['客服', '服电', '电话']);
  });

  it('jieba finds dictionary words and learns the knowledge base words', () => {
    expect(createHanTokenizer('jieba')('人工客服几点上班')).toEqual(expect.arrayContaining(['人工', '客服', '几点', '上班']));
    expect(createHanTokenizer('jieba', ['转人工'])('我要转人工')).toContain('转人工');
  });

  it('combined gives words and single characters', () => {
    const tokens = createHanTokenizer('combined')('客服电话');
    expect(tokens).toEqual(expect.arrayContaining(['客服', '电话', '客', '服', '电', '话']));
  });
});

describe('tokenize', () => {
  it('stems English and drops function words', () => {
    expect(tokenize('please cancel the cards', createHanTokenizer('bigram'))).toEqual(['cancel', 'card']);
  });

  it('handles mixed Chinese and Latin text', () => {
    expect(tokenize('app里的客服', createHanTokenizer('bigram'))).toEqual(['app', '里的', '的客', '客服']);
  });

  it('lets a word fixer run before stemming', () => {
    expect(tokenize('cancl card', createHanTokenizer('bigram'), (w) => (w === 'cancl' ? 'cancel' : w))).toEqual(['cancel', 'card']);
  });
});
