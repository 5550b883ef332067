import { describe, expect, it } from 'vitest';
import { translator } from './i18n.ts';
import { noticeText } from './notice-text.ts';

describe('noticeText', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('shows the queue position in the widget language', () => {
    const message = { text: 'queued', meta: { notice: 'queued' as const, position: 3 } };
    expect(noticeText(message, zh)).toContain('3');
    expect(noticeText(message, zh)).toContain('人工客服');
    expect(noticeText(message, en)).toMatch(/queue.*3/i);
  });

  it('adds the expected wait to the place in the queue when the server gives one, and nothing about time otherwise', () => {
    const withEta = { text: 'x', meta: { notice: 'queued' as const, params: { position: 2, etaMinutes: { low: 3, high: 6 } } } };
    expect(noticeText(withEta, zh)).toBe('已为您转接人工客服，当前排队第 2 位，预计等待 3–6 分钟，请稍候。');
    expect(noticeText(withEta, en)).toBe('You are in the queue (position 2), about 3–6 min. An agent will be with you soon.');
    expect(noticeText({ text: 'x', meta: { notice: 'queued', params: { position: 2 } } }, zh)).toBe('已为您转接人工客服，当前排队第 2 位，请稍候。');
  });

  it('names the agent from the message or the conversation', () => {
    expect(noticeText({ text: 'x', authorName: '小王', meta: { notice: 'assigned' } }, zh)).toBe('客服 小王 为您服务');
    expect(noticeText({ text: 'x', meta: { notice: 'assigned' } }, en, 'Amy')).toBe('Amy is now helping you');
    expect(noticeText({ text: '客服已接入', meta: { notice: 'assigned' } }, zh)).toBe('客服已接入');
  });

  it('renders parameters and newer codes in the widget language, whatever language the stored text is in', () => {
    expect(noticeText({ text: '您当前排在第 2 位', meta: { notice: 'queued', params: { position: 2 } } }, en)).toMatch(/queue.*2/i);
    expect(noticeText({ text: '客服 小王 已接入', meta: { notice: 'assigned', params: { agentName: 'Wang' } } }, en)).toBe('Wang is now helping you');
    expect(noticeText({ text: '您已退出排队', meta: { notice: 'left_queue' } }, en)).toMatch(/left the queue/);
    expect(noticeText({ text: 'Ticket T1 created', meta: { notice: 'ticket', params: { ticketNumber: 'T20261130-0001' } } }, zh)).toBe('已为您创建工单 T20261130-0001。');
  });

  it('tells of a transfer to an agent or to a department, the department named in the widget language', () => {
    expect(noticeText({ text: 'x', meta: { notice: 'transferred', params: { agentName: '小陈' } } }, zh)).toBe('已为您转接至小陈，请稍候。');
    const toDepartment = { text: 'x', meta: { notice: 'transferred' as const, params: { departmentZh: '投诉与建议', departmentEn: 'Complaints' } } };
    expect(noticeText(toDepartment, zh)).toBe('已为您转接至投诉与建议，请稍候。');
    expect(noticeText(toDepartment, en)).toBe("You've been transferred to Complaints.");
  });

  it('falls back to the server text for tickets and unknown notices', () => {
    expect(noticeText({ text: '已创建工单 T20261122-0001', meta: { notice: 'ticket' } }, zh)).toBe('已创建工单 T20261122-0001');
    expect(noticeText({ text: 'plain' }, en)).toBe('plain');
  });

  it('localises closing, thanks and reopening', () => {
    expect(noticeText({ text: 'x', meta: { notice: 'closed' } }, en)).toMatch(/ended/);
    expect(noticeText({ text: 'x', meta: { notice: 'rating_thanks' } }, zh)).toMatch(/感谢/);
    expect(noticeText({ text: 'x', meta: { notice: 'reopened' } }, en)).toMatch(/restarted/);
  });
});
