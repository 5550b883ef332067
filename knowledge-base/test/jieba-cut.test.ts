import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Jieba as NativeJieba } from '@node-rs/jieba';
import { createJiebaCutter } from '../src/text/jieba-cut.ts';
import { jiebaDictPath, readJiebaDict } from '../src/text/jieba-dict.ts';
import { findWord, parseWordList, readWordList, wordListOf } from '../src/text/jieba-word-list.ts';

const { Jieba } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
const root = join(import.meta.dirname, '..');

/** Every line of the demo content and of its held-out queries, and random strings that mix in what jieba splits on. */
function corpus(): string[] {
  const texts: string[] = [];
  const content = join(root, 'content');
  for (const f of readdirSync(content)) texts.push(...readFileSync(join(content, f), 'utf8').split('\n'));
  for (const line of readFileSync(join(root, 'eval/demo/queries.jsonl'), 'utf8').split('\n')) if (line) texts.push((JSON.parse(line) as { q: string }).q);
  const common = Array.from('的一是了我不人在有这个上们来到时大为中你说要就出也得里后会可下过天去能对多好看发开用想作种面前些所同日热线投诉工单客服电话退款发票');
  const odd = Array.from(' a1-B.%\r\n，？〇㐀𠀀鿿');
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 4000; i++) {
    let s = '';
    for (let k = 1 + Math.floor(rnd() * 14); k > 0; k--) s += rnd() < 0.85 ? common[Math.floor(rnd() * common.length)] : odd[Math.floor(rnd() * odd.length)];
    texts.push(s);
  }
  return texts;
}

function expectSameCuts(native: NativeJieba, cut: (text: string, hmm: boolean) => string[], texts: string[]): void {
  const differing: string[] = [];
  for (const text of texts) for (const hmm of [false, true]) if (JSON.stringify(native.cut(text, hmm)) !== JSON.stringify(cut(text, hmm))) differing.push(`${hmm ? 'hmm' : 'no hmm'}: ${JSON.stringify(text)}`);
  expect(differing).toEqual([]);
}

describe('jieba cut over the compact dictionary', () => {
  const dict = readJiebaDict();
  const words = parseWordList(dict);
  const texts = corpus();

  it('reads every word of the default dictionary once, from memory or from the file in pieces alike', () => {
    expect(words.start.length).toBe(349_045);
    const fromFile = readWordList(jiebaDictPath());
    expect(fromFile.total).toBe(words.total);
    expect(Buffer.from(fromFile.bytes).equals(Buffer.from(words.bytes))).toBe(true);
    expect(fromFile.freq).toEqual(words.freq);
    const at = findWord(words, Buffer.from('客服'), 0, Buffer.byteLength('客服'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(findWord(words, Buffer.from('热限'), 0, Buffer.byteLength('热限'))).toBe(-1);
  });

  it('cuts exactly as the native addon, with and without HMM', () => {
    expectSameCuts(Jieba.withDict(dict), (t, hmm) => createJiebaCutter(words).cut(t, hmm), texts);
  });

  it('cuts exactly as the native addon with a knowledge base vocabulary loaded on top', () => {
    const vocabulary = ['热线', '投诉', '工单', '人工客服', '退款到账', '发票抬头', '客服热线', '多少钱', '的一是'];
    const native = Jieba.withDict(dict);
    native.loadDict(Buffer.from(vocabulary.map((w) => `${w} 100000`).join('\n')));
    const cutter = createJiebaCutter(words, wordListOf(vocabulary, 100_000));
    expectSameCuts(native, (t, hmm) => cutter.cut(t, hmm), texts);
    expect(cutter.cut('客服热线多少钱', false)).toEqual(['客服热线', '多少钱']);
  });

  it('leaves routes that tie within rounding to a native instance, and still matches the addon', () => {
    // 甲乙+丙 and 甲+乙丙 score exactly alike: which one wins depends on the last bit of a logarithm.
    const tied = Buffer.from('甲乙 6\n丙 4\n甲 4\n乙丙 6\n丁 3\n戊己 12\n丁戊 4\n己 3\n');
    const cutter = createJiebaCutter(parseWordList(tied));
    expectSameCuts(Jieba.withDict(tied), (t, hmm) => cutter.cut(t, hmm), ['甲乙丙', '丁戊己', '甲乙丙丁戊己庚辛', 'ab甲乙丙12']);
    expect(cutter.exactFallbacks).toBeGreaterThan(0);
  });

  it('reads the dictionary format as jieba does: unsorted lines, a repeated word keeps its last frequency', () => {
    const list = parseWordList(Buffer.from('乙 5 n\n甲 3\n乙 7\n丙\n'));
    expect(list.start.length).toBe(3);
    expect(list.total).toBe(3 + 7 + 0);
    expect(list.freq[findWord(list, Buffer.from('乙'), 0, 3)]).toBe(7);
    expect(() => parseWordList(Buffer.from('甲 x\n'))).toThrow(/frequency of "甲" is not a number/);
    expect(() => parseWordList(Buffer.from('甲 12x\n'))).toThrow(/frequency of "甲" is not a number/);
  });
});
