/**
 * Every time the seed documents promise, one row each: the seed file and its words, the ticket it
 * applies to, the clock, and when that clock falls due for a ticket opened on Monday 30 Nov 2026,
 * 10:00 in Asia/Shanghai (a week without holidays). A change to the policy that breaks a seed's
 * promise fails here by name.
 */
import { describe, expect, it } from 'vitest';
import { dueTimes, type SlaSubject } from './due-times.ts';
import { DEFAULT_SLA_POLICY as POLICY } from './sla-policy.ts';
import { workingCalendar } from './working-days.ts';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const START = sh('2026-11-30T10:00');
const CAL = workingCalendar({ holidays: [], extraWorkdays: [] }, 'Asia/Shanghai');

interface Row {
  seed: string;
  says: string;
  subject: SlaSubject;
  clock: string;
  due: string;
  /** The early end of a ranged promise ("3-5个工作日"). */
  target?: string;
}

/** The free plan's 24 h never binds a fault (every tier answers sooner), so these rows show the tier's own promise. */
const fault = (tier: 'urgent' | 'severe' | 'normal', plan: 'free' | 'basic' | 'professional' | 'enterprise' = 'free', priority = false): SlaSubject => ({ kind: 'fault', tier, plan, priority });

const ROWS: Row[] = [
  // 002_f6736a907870a769.txt, 维修时效标准: 紧急 / 严重 / 一般.
  { seed: '002', says: '紧急 响应时间:15分钟内', subject: fault('urgent'), clock: 'response', due: '2026-11-30T10:15' },
  { seed: '002', says: '紧急 初步诊断:1小时内', subject: fault('urgent'), clock: 'diagnosis', due: '2026-11-30T11:00' },
  { seed: '002', says: '紧急 解决方案:4小时内', subject: fault('urgent'), clock: 'solution', due: '2026-11-30T14:00' },
  { seed: '002', says: '紧急 完全修复:24小时内', subject: fault('urgent'), clock: 'fix', due: '2026-12-01T10:00' },
  { seed: '002', says: '严重 响应时间:30分钟内', subject: fault('severe'), clock: 'response', due: '2026-11-30T10:30' },
  { seed: '002', says: '严重 初步诊断:2小时内', subject: fault('severe'), clock: 'diagnosis', due: '2026-11-30T12:00' },
  { seed: '002', says: '严重 解决方案:8小时内', subject: fault('severe'), clock: 'solution', due: '2026-11-30T18:00' },
  { seed: '002', says: '严重 完全修复:3个工作日内', subject: fault('severe'), clock: 'fix', due: '2026-12-03T10:00' },
  { seed: '002', says: '一般 响应时间:2小时内', subject: fault('normal'), clock: 'response', due: '2026-11-30T12:00' },
  { seed: '002', says: '一般 初步诊断:24小时内', subject: fault('normal'), clock: 'diagnosis', due: '2026-12-01T10:00' },
  { seed: '002', says: '一般 解决方案提供:3个工作日内', subject: fault('normal'), clock: 'solution', due: '2026-12-03T10:00' },
  { seed: '002', says: '一般 完全修复:7个工作日内', subject: fault('normal'), clock: 'fix', due: '2026-12-09T10:00' },
  // 002, 问答 "免费版和付费版的维修时效差异有多大": the plan's response, where it is stricter than the tier's.
  { seed: '002', says: '基础付费版为2小时响应', subject: fault('normal', 'basic'), clock: 'response', due: '2026-11-30T12:00' },
  { seed: '002', says: '专业版为30分钟', subject: fault('normal', 'professional'), clock: 'response', due: '2026-11-30T10:30' },
  { seed: '002', says: '企业版15分钟', subject: fault('normal', 'enterprise'), clock: 'response', due: '2026-11-30T10:15' },
  { seed: '002', says: '免费版…平均响应时间为24小时 (never longer than the tier: 一般 2 h)', subject: fault('normal', 'free'), clock: 'response', due: '2026-11-30T12:00' },
  // 002, 升级服务选项.
  { seed: '002', says: '优先支持计划:响应时间缩短50%', subject: fault('severe', 'free', true), clock: 'response', due: '2026-11-30T10:15' },
  // 000_28bdea2f8a3cd299.txt, 投诉处理流程.
  { seed: '000', says: '接收投诉→24小时内初步响应', subject: { kind: 'complaint', tier: 'normal' }, clock: 'response', due: '2026-12-01T10:00' },
  // 003_bfce5774e605fb04.txt, 投诉处理流程 and 建议处理流程.
  { seed: '003', says: '投诉受理:1个工作日内受理', subject: { kind: 'complaint' }, clock: 'acceptance', due: '2026-12-01T10:00' },
  { seed: '003', says: '调查核实:3-5个工作日调查', subject: { kind: 'complaint' }, clock: 'investigation', target: '2026-12-03T10:00', due: '2026-12-07T10:00' },
  { seed: '003', says: '处理反馈:7-10个工作日反馈', subject: { kind: 'complaint' }, clock: 'reply', target: '2026-12-09T10:00', due: '2026-12-14T10:00' },
  { seed: '003', says: '建议受理:1个工作日内受理', subject: { kind: 'suggestion' }, clock: 'acceptance', due: '2026-12-01T10:00' },
  { seed: '003', says: '评估分析:3-5个工作日', subject: { kind: 'suggestion' }, clock: 'evaluation', target: '2026-12-03T10:00', due: '2026-12-07T10:00' },
  { seed: '003', says: '反馈结果:7-10个工作日', subject: { kind: 'suggestion' }, clock: 'reply', target: '2026-12-09T10:00', due: '2026-12-14T10:00' },
];

describe('every promise the seeds make, as the SLA clocks keep it', () => {
  it.each(ROWS)('seed $seed: $says', (row) => {
    const clock = (dueTimes(POLICY, row.subject, START, CAL) as Record<string, { dueAt?: number; targetAt?: number }>)[row.clock];
    expect(clock, `no ${row.clock} clock`).toBeDefined();
    expect(clock!.dueAt).toBe(sh(row.due));
    if (row.target) expect(clock!.targetAt).toBe(sh(row.target));
  });

  it('seed 002, 问题升级委员会: "三次维修未解决或累计耗时超过承诺时效的150%"; at risk at 80 %, breached at 100 %', () => {
    expect(POLICY.thresholds).toEqual({ atRisk: 0.8, breached: 1, escalate: 1.5, escalateAfterReopens: 3 });
  });
});
