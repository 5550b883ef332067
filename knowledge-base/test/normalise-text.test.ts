import { describe, expect, it } from 'vitest';
import { detectLang, normaliseText } from '../src/index.ts';

describe('normaliseText', () => {
  it('turns full-width letters, digits and punctuation into plain lower case', () => {
    expect(normaliseText('ＡＰＰ怎么下载？４００电话')).toBe('app怎么下载 400电话');
  });

  it('converts traditional characters to simplified', () => {
    expect(normaliseText('客服電話是多少')).toBe('客服电话是多少');
    expect(normaliseText('我的工單怎麼查詢進度')).toBe('我的工单怎么查询进度');
  });

  it('drops emoji and symbols', () => {
    expect(normaliseText('客服😀电话👍🏻多少')).toBe('客服 电话 多少');
    expect(normaliseText('where is my card?? 🙏')).toBe('where is my card');
  });

  it('drops polite filler and trailing particles in Chinese', () => {
    expect(normaliseText('你好，请问一下客服电话是多少呢？谢谢')).toBe('客服电话是多少');
    expect(normaliseText('麻烦查一下我的工单吧')).toBe('查 我的工单');
  });

  it('keeps words that only look like particles', () => {
    expect(normaliseText('这是什么')).toBe('这是什么');
  });

  it('with full clean-up off only lowercases and strips punctuation', () => {
    expect(normaliseText('Hello, World！', false)).toBe('hello world');
  });
});

describe('detectLang', () => {
  it('reads Chinese, English and mixed text', () => {
    expect(detectLang('客服电话是多少')).toBe('zh-CN');
    expect(detectLang('what is your phone number')).toBe('en');
    expect(detectLang('HelloWorld App 怎么联系客服')).toBe('zh-CN');
    expect(detectLang('how do I use the 工单 page')).toBe('en');
    expect(detectLang('')).toBe('zh-CN');
  });
});
