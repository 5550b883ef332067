import { describe, expect, it } from 'vitest';
import { longestMatches } from '../src/text/longest-matches.ts';

describe('longestMatches', () => {
  const find = longestMatches(['电话', '电话号码', '号码', '写信', 'mail', 'call me back', 'call', '400电话']);

  it('takes the longest word at a position and goes on after it', () => {
    expect(find('客服电话号码是多少')).toEqual(['电话号码']);
    expect(find('给你们写信还是打电话')).toEqual(['写信', '电话']);
    expect(find('打400电话要钱吗')).toEqual(['400电话']);
  });

  it('matches Latin words on word boundaries only, Chinese anywhere', () => {
    expect(find('send an email')).toEqual([]);
    expect(find('send a mail or call')).toEqual(['mail', 'call']);
    expect(find('please call me back tomorrow')).toEqual(['call me back']);
    expect(find('recall')).toEqual([]);
    expect(find('mail给我')).toEqual(['mail']);
  });

  it('finds nothing in text without any of the words, and nothing when it knows none', () => {
    expect(find('周末有人吗')).toEqual([]);
    expect(longestMatches([])('电话')).toEqual([]);
  });
});
