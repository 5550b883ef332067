/**
 * The service-level promises, as data: how long each clock of a fault, complaint or suggestion may
 * run. Ticket code reads them through `dueTimes` (due-times.ts); nothing else hard-codes a duration.
 */

/** 紧急 (system down, data at risk), 严重 (a core function fails), 一般 (a non-core function misbehaves). */
export const FAULT_TIERS = ['urgent', 'severe', 'normal'] as const;
export type FaultTier = (typeof FAULT_TIERS)[number];

/** 免费版, 基础付费版, 专业版, 企业版. */
export const PLANS = ['free', 'basic', 'professional', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const TICKET_KINDS = ['fault', 'complaint', 'suggestion'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** The clocks each kind of ticket runs, in the order they fall due. */
export const CLOCKS = {
  fault: ['response', 'diagnosis', 'solution', 'fix'],
  complaint: ['response', 'acceptance', 'investigation', 'reply'],
  suggestion: ['acceptance', 'evaluation', 'reply'],
} as const;
export type ClockOf<K extends TicketKind> = (typeof CLOCKS)[K][number];
export type ClockName = ClockOf<TicketKind>;

/**
 * A length of time. Minutes and hours run around the clock (support is 7×24, seed 002); working days
 * run only on working days (working-days.ts), each counting as its whole calendar day.
 */
export interface SlaSpan {
  amount: number;
  unit: 'minutes' | 'hours' | 'workingDays';
}

/** One clock's promise: `due` is the latest the seed allows; `target` the earlier end of a range ("3–5 个工作日"). */
export interface ClockPromise {
  due: SlaSpan;
  target?: SlaSpan;
}

export interface SlaThresholds {
  /** Share of the promised time used at which a clock is at risk. */
  atRisk: number;
  breached: number;
  /** Share used at which the ticket goes to the escalation committee. */
  escalate: number;
  /** Reopens (repairs that did not solve it) at which the ticket is escalated whatever its clocks say. */
  escalateAfterReopens: number;
}

export interface SlaPolicy {
  fault: Record<FaultTier, Record<ClockOf<'fault'>, ClockPromise>>;
  /** The response promise each plan buys; combined with the tier's by `responseRule`. */
  planResponse: Record<Plan, SlaSpan>;
  /** The priority support plan multiplies the fault response promise by this. */
  priorityResponseFactor: number;
  complaint: Record<ClockOf<'complaint'>, ClockPromise>;
  suggestion: Record<ClockOf<'suggestion'>, ClockPromise>;
  thresholds: SlaThresholds;
}

const minutes = (amount: number): SlaSpan => ({ amount, unit: 'minutes' });
const hours = (amount: number): SlaSpan => ({ amount, unit: 'hours' });
const workingDays = (amount: number): SlaSpan => ({ amount, unit: 'workingDays' });
const within = (due: SlaSpan, target?: SlaSpan): ClockPromise => (target ? { due, target } : { due });

/**
 * The shipped policy. Fault response combination (due-times.ts): a fault's response clock is the
 * STRICTER (shorter) of its tier's and its plan's, then multiplied by `priorityResponseFactor` when
 * the customer has the priority support plan. The tier table binds for every customer (seed 002:
 * "紧急安全漏洞对所有用户平等处理"), and a plan can only shorten it, never lengthen it.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  // Seed 002, "HelloWorld软件官方维修时效标准". 紧急's fix may stretch to 48 h "特殊情况"; the promise is 24 h.
  fault: {
    urgent: { response: within(minutes(15)), diagnosis: within(hours(1)), solution: within(hours(4)), fix: within(hours(24)) },
    severe: { response: within(minutes(30)), diagnosis: within(hours(2)), solution: within(hours(8)), fix: within(workingDays(3)) },
    normal: { response: within(hours(2)), diagnosis: within(hours(24)), solution: within(workingDays(3)), fix: within(workingDays(7)) },
  },
  // Seed 002, Q&A "免费版和付费版的维修时效差异有多大": 免费版 24 h, 基础付费版 2 h, 专业版 30 min, 企业版 15 min.
  planResponse: { free: hours(24), basic: hours(2), professional: minutes(30), enterprise: minutes(15) },
  // Seed 002, "升级服务选项": 优先支持计划, 响应时间缩短50%.
  priorityResponseFactor: 0.5,
  complaint: {
    // Seed 000, 投诉处理流程: "接收投诉→24小时内初步响应".
    response: within(hours(24)),
    // Seed 003, 投诉处理流程: 受理 1 个工作日内, 调查核实 3–5 个工作日, 处理反馈 7–10 个工作日, each from receipt.
    acceptance: within(workingDays(1)),
    investigation: within(workingDays(5), workingDays(3)),
    reply: within(workingDays(10), workingDays(7)),
  },
  // Seed 003, 建议处理流程: 受理 1 个工作日内, 评估分析 3–5 个工作日, 反馈结果 7–10 个工作日, each from receipt.
  suggestion: {
    acceptance: within(workingDays(1)),
    evaluation: within(workingDays(5), workingDays(3)),
    reply: within(workingDays(10), workingDays(7)),
  },
  // At risk at 80 % and breached at 100 % of the promise (the ticket issue); seed 002, "问题升级委员会":
  // escalated after three repairs that did not solve it, or past 150 % of the promised time.
  thresholds: { atRisk: 0.8, breached: 1, escalate: 1.5, escalateAfterReopens: 3 },
};
