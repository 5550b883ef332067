import { describe, expect, it } from 'vitest';
import { createTextPipeline, rememberIndexedText } from '../src/match/text-pipeline.ts';

describe('rememberIndexedText', () => {
  const pipeline = createTextPipeline({ tokenizer: 'combined', normalise: true, synonyms: true }, [['上门', '派人', '师傅']], [], []);

  it('gives indexed text as the pipeline cuts it, cut once however often the folds ask', () => {
    let cuts = 0;
    const counting = { process: (...args: Parameters<typeof pipeline.process>) => (cuts++, pipeline.process(...args)) };
    const remembered = rememberIndexedText(counting);
    for (const text of ['能派人上门修吗', 'Can someone come over?']) {
      expect(remembered.process(text)).toEqual(pipeline.process(text));
      expect(remembered.process(text)).toEqual(pipeline.process(text));
    }
    expect(cuts).toBe(2);
  });

  it('passes a query with its fixes through every time: what they add depends on the index asking', () => {
    const remembered = rememberIndexedText(pipeline);
    remembered.process('派人来修');
    const guessed = remembered.process('派人来修', { hanGuesses: () => ['维修'] });
    expect(guessed.tokens).toContain('维修');
    expect(remembered.process('派人来修').tokens).not.toContain('维修');
  });
});
