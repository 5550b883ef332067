import { describe, expect, it } from 'vitest';
import { matchingFingerprint } from '../src/index.ts';
import { COMMANDS, kbOf } from './command-kb.ts';

describe('matchingFingerprint', () => {
  const first = COMMANDS.entries[0]!;
  const withFirst = (changed: typeof first) => kbOf([changed, ...COMMANDS.entries.slice(1)]);

  it('ignores answers in either language, which the matcher never reads', () => {
    const base = matchingFingerprint(COMMANDS);
    expect(matchingFingerprint(withFirst({ ...first, answer: '新的回答' }))).toBe(base);
    const english = { question: 'Play a song', alternates: [], keywords: [], answer: 'Playing.' };
    expect(matchingFingerprint(withFirst({ ...first, en: { ...english, answer: 'Now playing.' } }))).toBe(matchingFingerprint(withFirst({ ...first, en: english })));
  });

  it('changes with what is matched: a question, an alternate, a keyword, a new entry or a synonym group', () => {
    const base = matchingFingerprint(COMMANDS);
    const changed = [
      withFirst({ ...first, question: `${first.question}呀` }),
      withFirst({ ...first, alternates: [...first.alternates, '放点音乐'] }),
      withFirst({ ...first, keywords: ['音乐'] }),
      withFirst({ ...first, en: { question: 'Play a song', alternates: [], keywords: [], answer: 'Playing.' } }),
      kbOf([...COMMANDS.entries, { ...first, id: 'copy' }]),
      { ...COMMANDS, synonyms: [['歌', '曲子']] },
    ].map(matchingFingerprint);
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});
