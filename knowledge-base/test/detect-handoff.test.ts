import { describe, expect, it } from 'vitest';
import { detectHandoff } from '../src/index.ts';

describe('detectHandoff', () => {
  it.each([
    '转人工',
    '人工',
    '人工客服',
    '转人工客服',
    '我要转人工',
    '找真人',
    '我要投诉人工',
    '能不能帮我转接人工客服？',
    '不要机器人，给我找个人工',
    '轉人工',
    '人工！！！',
    '我想和客服人员说话',
    '找客服',
    'human agent please',
    'talk to a person',
    'real person',
    'I want to speak to a human',
    'can I talk to someone',
    'agent',
    'Transfer me to a representative please',
    'connect me with customer service',
  ])('asks for a human: %s', (text) => {
    expect(detectHandoff(text)).toBe(true);
  });

  it.each([
    '人工客服几点上班',
    '人工客服几点上班？',
    '人工客服的工作时间',
    '人工客服电话是多少',
    '转人工要等多久',
    '周末有人工客服吗',
    '客服电话多少',
    '联系客服的方式有哪些',
    '怎么查询工单进度',
    'what time are human agents available',
    'how long is the wait for an agent',
    'what is the customer service phone number',
    'my card has not arrived',
    'help',
    '',
  ])('is a question, not a request: %s', (text) => {
    expect(detectHandoff(text)).toBe(false);
  });
});
