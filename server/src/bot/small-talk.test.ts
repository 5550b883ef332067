import { describe, expect, it } from 'vitest';
import { smallTalkKind } from './small-talk.ts';

describe('smallTalkKind', () => {
  it.each([
    ['你好', 'greeting'],
    ['您好！', 'greeting'],
    ['在吗？', 'greeting'],
    ['你好呀~', 'greeting'],
    ['客服你好 👋', 'greeting'],
    ['hello', 'greeting'],
    ['Hi there!', 'greeting'],
    ['hey 😀', 'greeting'],
    ['Good morning', 'greeting'],
    ['谢谢', 'thanks'],
    ['多谢啊', 'thanks'],
    ['感谢！！', 'thanks'],
    ['好的，谢谢你的帮助', 'thanks'],
    ['谢谢哈', 'thanks'],
    ['Thanks!', 'thanks'],
    ['thank you so much', 'thanks'],
    ['ok thx', 'thanks'],
    ['再见', 'goodbye'],
    ['拜拜～', 'goodbye'],
    ['bye', 'goodbye'],
    ['Goodbye!', 'goodbye'],
    ['谢谢，再见', 'goodbye'],
    ['thanks, bye', 'goodbye'],
    ['你好，谢谢', 'thanks'],
  ])('%s → %s', (text, kind) => {
    expect(smallTalkKind(text)).toBe(kind);
  });

  it.each([
    '谢谢，那退款多久到账',
    '你好，转人工',
    '你好，客服热线是多少？',
    'thanks, how long does a refund take?',
    'hi, what are your hours',
    '好的',
    'ok',
    '哈哈哈',
    '👋',
    '',
    'this',
    'history',
    '太早了',
    '客服',
  ])('%s is not small talk', (text) => {
    expect(smallTalkKind(text)).toBeUndefined();
  });

  it('leaves long messages to the matcher', () => {
    expect(smallTalkKind('你好'.repeat(25))).toBeUndefined();
  });
});
