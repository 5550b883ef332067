/** 报表 / Reports: the period a report covers, the chats (GET /api/reports/chats) and the ticket service levels (GET /api/reports/tickets). */
import * as v from 'valibot';
import type { TicketTier } from './ticket-schemas.ts';
import { record } from './schemas.ts';

const epochMs = v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'expected epoch milliseconds'), v.transform(Number));

/** `?from&to`: epoch milliseconds; the last 30 days when absent. */
export const PeriodQuerySchema = record({ from: v.optional(epochMs), to: v.optional(epochMs) });
export type PeriodQuery = v.InferOutput<typeof PeriodQuerySchema>;

/** How tickets created in a period were served (the seeds' 平均首次响应时间, 严重问题平均解决时间, SLA 达成). */
export interface TicketServiceLevels {
  /** Tickets created in the period. */
  created: number;
  /** Of them, resolved since. */
  resolved: number;
  /** Of the resolved, those never escalated: solved by the first line (the seeds' 一线解决率 is this over `resolved`). */
  firstLine: number;
  /** Mean time from a ticket's start to its first reply or acceptance (its response or acceptance clock met); null when none was. */
  firstResponseMs: number | null;
  /** Mean time from creation to resolution of the resolved ones; null when none is. */
  resolutionMs: number | null;
  /** Clocks whose step was done within the promise, and clocks that broke it (met late or still overdue). */
  clocksMet: number;
  clocksMissed: number;
}

export interface TicketReport {
  from: number;
  to: number;
  all: TicketServiceLevels;
  byTier: (TicketServiceLevels & { tier: TicketTier })[];
}

/** Queue waits of conversations an agent took: how many, the mean and the longest (null when none). */
export interface QueueWaitLevels {
  count: number;
  meanMs: number | null;
  longestMs: number | null;
}

/** The chats of a period: how many the bot handled alone and how many reached an agent, and how long visitors queued. */
export interface ChatReport {
  from: number;
  to: number;
  /** Conversations started in the period in which the visitor wrote at least once. */
  conversations: number;
  /** Of them, those an agent took. */
  served: number;
  /** Of those no agent took: the handoff became a ticket (nobody on duty), or the visitor left the queue. The rest the bot handled alone. */
  ticketed: number;
  leftQueue: number;
  /** Per agent, most chats first: the conversations they hold (the last agent assigned), and the mean time from the assignment to their first reply (null when none got one yet). */
  byAgent: { agentId: string; name: string; taken: number; firstReplyMs: number | null }[];
  waits: QueueWaitLevels;
  /** Per department, with its names when it still exists. */
  waitsByDepartment: (QueueWaitLevels & { department: string; name?: { zh: string; en: string } })[];
}
