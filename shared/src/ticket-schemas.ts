/**
 * 工单 / Tickets: what agents see of a ticket and its thread, and every input the agents' ticket API
 * (/api/tickets) accepts. The server validates each request with these schemas before acting.
 */
import * as v from 'valibot';
import type { Attachment, Lang } from './domain.ts';
import { LIMITS } from './limits.ts';
import { record } from './schemas.ts';

/**
 * 待处理 → 处理中 → 待用户确认 → 已解决 → 已关闭. `waiting_customer` holds every SLA clock (the ticket
 * waits on the customer); leaving `resolved` for `open` or `in_progress` is a reopen (counted).
 * Rows stored as 'pending' before these statuses existed read as `in_progress`.
 */
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Which status may follow which (the server's lifecycle enforces the same table). */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  // A reopen: the fix did not hold (three of them escalate the ticket).
  resolved: ['open', 'in_progress', 'closed'],
  closed: [],
};

/** Statuses a ticket is still being worked in (its clocks run, except while waiting on the customer). */
export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_customer'];

/** Fault tiers: 紧急 (system down, data lost), 严重 (a core function fails), 一般 (anything else). */
export const TICKET_TIERS = ['urgent', 'severe', 'normal'] as const;
export type TicketTier = (typeof TICKET_TIERS)[number];

/** The customer's plan: 免费版, 基础付费版, 专业版, 企业版 (each buys a response time; see the SLA table). */
export const TICKET_PLANS = ['free', 'basic', 'professional', 'enterprise'] as const;
export type TicketPlan = (typeof TICKET_PLANS)[number];

/** 故障 (a fault), 投诉 (a complaint), 建议 (a suggestion): each runs its own clocks. */
export const TICKET_KINDS = ['fault', 'complaint', 'suggestion'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Every SLA clock a ticket may run: a fault runs response→fix, a complaint response→reply, a suggestion acceptance→reply. */
export const TICKET_CLOCKS = ['response', 'diagnosis', 'solution', 'fix', 'acceptance', 'investigation', 'evaluation', 'reply'] as const;
export type TicketClockName = (typeof TICKET_CLOCKS)[number];

/** Where a clock stands: `at_risk` from 80 % of its promised time used, `breached` from 100 %. */
export const CLOCK_STATES = ['ok', 'at_risk', 'breached'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const TICKET_STATUS_LABELS: Labels<TicketStatus> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  waiting_customer: { 'zh-CN': '待用户确认', en: 'Waiting on customer' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};
export const TICKET_TIER_LABELS: Labels<TicketTier> = {
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
  severe: { 'zh-CN': '严重', en: 'Serious' },
  normal: { 'zh-CN': '一般', en: 'Normal' },
};
export const TICKET_PLAN_LABELS: Labels<TicketPlan> = {
  free: { 'zh-CN': '免费版', en: 'Free' },
  basic: { 'zh-CN': '基础付费版', en: 'Basic' },
  professional: { 'zh-CN': '专业版', en: 'Professional' },
  enterprise: { 'zh-CN': '企业版', en: 'Enterprise' },
};
export const TICKET_KIND_LABELS: Labels<TicketKind> = {
  fault: { 'zh-CN': '故障', en: 'Fault' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  suggestion: { 'zh-CN': '建议', en: 'Suggestion' },
};
export const TICKET_CLOCK_LABELS: Labels<TicketClockName> = {
  response: { 'zh-CN': '响应', en: 'Response' },
  diagnosis: { 'zh-CN': '初步诊断', en: 'Diagnosis' },
  solution: { 'zh-CN': '解决方案', en: 'Solution' },
  fix: { 'zh-CN': '完全修复', en: 'Full fix' },
  acceptance: { 'zh-CN': '受理', en: 'Acceptance' },
  investigation: { 'zh-CN': '调查核实', en: 'Investigation' },
  evaluation: { 'zh-CN': '评估分析', en: 'Evaluation' },
  reply: { 'zh-CN': '处理反馈', en: 'Answer' },
};

/** One SLA clock of a ticket as agents see it. */
export interface TicketClock {
  clock: TicketClockName;
  /** When the promise is broken; absent while the ticket waits on the customer (the clock is held). */
  dueAt?: number;
  /** The early end of a ranged promise ("3–5 个工作日": the 3rd working day). */
  targetAt?: number;
  /** The promised running time, in milliseconds (working-day clocks count 24 h per working day). */
  promisedMs: number;
  state: ClockState;
  /** Share of the promise used when the view was made (1 = all of it). */
  used: number;
  /** Held by a wait on the customer right now. */
  paused: boolean;
  /** The clock no longer runs: the step it promises is done (a public reply met `response`) or the ticket is resolved. */
  met: boolean;
}

/** Who asked: the contact left in the form or the identity the conversation carried. */
export interface TicketRequester {
  name?: string;
  email?: string;
  phone?: string;
  /** The visitor, when the ticket came from the widget. */
  visitorId?: string;
}

/** A ticket as the agents' console shows it in the list and in the detail view. */
export interface Ticket {
  id: string;
  /** T20261130-0001: unique, shown to the customer. */
  number: string;
  /** One line; the first line of the description when nobody gave one. */
  title: string;
  /** Exactly as the customer typed it. */
  description: string;
  category?: string;
  /** Department key (投诉与建议 for complaints; the escalation group once escalated). */
  department?: string;
  tier: TicketTier;
  plan: TicketPlan;
  /** The 优先支持计划: halves the response promise. */
  priority: boolean;
  kind: TicketKind;
  requester: TicketRequester;
  assignee?: { id: string; name: string };
  status: TicketStatus;
  reopenCount: number;
  /** Moved to the escalation group (three reopens, or a clock past 150 %). */
  escalated: boolean;
  escalatedAt?: number;
  /** The clocks of its kind, in the order they fall due. */
  clocks: TicketClock[];
  /** The worst state of its running clocks (the list's badge). */
  sla: ClockState;
  /** The soonest due time among its running clocks (what "due soonest" sorts by). */
  nextDueAt?: number;
  /** Since when it waits on the customer (待用户确认), when it does. */
  pausedAt?: number;
  /** The conversation it came from; its transcript is also the thread's first event. */
  conversationId?: string;
  resolvedAt?: number;
  createdAt: number;
  updatedAt: number;
}

/** What happened on a ticket; the detail view shows them oldest first as its thread. */
export const TICKET_EVENT_TYPES = [
  /** Made (from a message left, a handoff nobody could take, a conversation, a complaint); may carry the transcript. */
  'created',
  /** Public: the customer sees it (an agent's answer, or more information from the customer). */
  'reply',
  /** Internal: agents only. */
  'note',
  'status',
  'tier',
  /** The customer's plan or priority support changed (agents only). */
  'plan',
  'assignment',
  'department',
  /** Moved to the escalation group. */
  'escalation',
  /** A clock reached 80 % (at_risk) or 100 % (breached). */
  'sla',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEventAuthor {
  kind: 'agent' | 'customer' | 'system';
  /** The agent's id. */
  id?: string;
  /** The agent's display name when written, or the customer's name. */
  name?: string;
}

/** One line of a transcript attached to a ticket made from a conversation. */
export interface TranscriptLine {
  author: 'visitor' | 'bot' | 'agent' | 'system';
  authorName?: string;
  text: string;
  createdAt: number;
}

export interface TicketEvent {
  id: string;
  ticketId: string;
  type: TicketEventType;
  /** Seen by the customer (replies, status changes) or by agents only (notes, assignment, alerts). */
  public: boolean;
  author: TicketEventAuthor;
  /** A reply's or note's text; a status change's optional remark. */
  text?: string;
  /** status / tier / department / assignment (agent id): before and after. */
  from?: string;
  to?: string;
  /** assignment: the new assignee's name. */
  toName?: string;
  /** plan: priority support (优先支持计划) before and after; `from`/`to` are the plans. */
  fromPriority?: boolean;
  toPriority?: boolean;
  /** sla, escalation: the clock concerned. */
  clock?: TicketClockName;
  /** sla: which threshold; escalation: why. */
  level?: 'at_risk' | 'breached';
  reason?: 'reopens' | 'overdue';
  /** created from a conversation: its messages, oldest first. */
  transcript?: TranscriptLine[];
  /** reply (public) and created: the files that came with it (bytes at GET /api/tickets/:number/files/:id). */
  attachments?: Attachment[];
  createdAt: number;
}

/**
 * One of a ticket's attachments: a file of the conversation it was made from (`conversation`) or one
 * added to the ticket itself with a public reply (`ticket`).
 */
export interface TicketAttachment extends Attachment {
  origin: 'conversation' | 'ticket';
  /** Who sent it: the customer (visitor) or an agent. */
  author: 'customer' | 'agent';
  /** The agent's or customer's name, when known. */
  authorName?: string;
  /** `ticket` files: the thread entry that carries it. */
  eventId?: string;
  createdAt: number;
}

/** GET /api/tickets answers a page; `nextCursor` fetches the next one (absent on the last). */
export interface TicketListResult {
  tickets: Ticket[];
  nextCursor?: string;
}

/** GET /api/tickets/:number answers the ticket and its whole thread. */
export interface TicketDetail {
  ticket: Ticket;
  events: TicketEvent[];
  /** The source conversation's files and the ticket's own, oldest first. */
  attachments?: TicketAttachment[];
}

/** POST /api/tickets/:number/files (agents) and POST /api/ticket-files/:number (the ticket's visitor) answer the file, to send with a reply. */
export interface TicketFileUpload {
  file: Attachment;
}

/** Pushed to agents on /agent as `ticketAlert`: to the assignee and every supervisor (and, on escalation, the escalation group). */
export interface TicketAlert {
  ticketId: string;
  number: string;
  title: string;
  tier: TicketTier;
  kind: 'at_risk' | 'breached' | 'escalated';
  /** at_risk / breached / escalated for time: the clock concerned, and its due time. */
  clock?: TicketClockName;
  dueAt?: number;
  /** escalated: three reopens or a clock past 150 %. */
  reason?: 'reopens' | 'overdue';
  assigneeId?: string;
  department?: string;
  at: number;
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** The most tickets one page holds. */
export const TICKET_PAGE_MAX = 100;
export const TICKET_PAGE_DEFAULT = 50;
export const TICKET_TITLE_MAX = 120;
export const TICKET_DESCRIPTION_MAX = 5000;

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControls = v.check((s: string) => !CONTROL_CHARS.test(s), 'control characters are not allowed');
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w.:-]+$/, 'malformed id'));
const departmentKey = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/, 'malformed department key'));
const categoryKey = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/, 'malformed category'));
/** A reply's or note's text: trimmed, not empty. */
const body = v.pipe(v.string(), noControls, v.trim(), v.minLength(1, 'empty text'), v.maxLength(LIMITS.messageChars, 'text too long'));

/** T20261130-0001. */
export const TICKET_NUMBER_PATTERN = /^T\d{8}-\d{4,6}$/;
export const TicketNumberSchema = v.pipe(v.string(), v.regex(TICKET_NUMBER_PATTERN, 'malformed ticket number'));

/** A comma-separated list of picklist values in a query string ("open,in_progress"). */
const listOf = <const T extends readonly string[]>(values: T, what: string) =>
  v.pipe(
    v.string(),
    v.maxLength(200),
    v.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
    v.check((xs) => xs.length > 0 && xs.every((x) => (values as readonly string[]).includes(x)), `unknown ${what}`),
    v.transform((xs) => [...new Set(xs)] as T[number][]),
  );

/** `due`: soonest next due time first (tickets without a running clock last); `created`/`updated`: newest first. */
export const TICKET_SORTS = ['due', 'created', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Where the previous page stopped: `<sort key>_<ticket id>`, opaque to clients. */
const ticketCursorSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,16}_[\w.:-]{1,64}$/, 'malformed cursor'),
  v.transform((s) => {
    const at = s.indexOf('_');
    return { key: Number(s.slice(0, at)), id: s.slice(at + 1) };
  }),
);

/**
 * The query string of GET /api/tickets; filters combine with AND. Without `status`, the active
 * statuses (open, in_progress, waiting_customer).
 */
export const TicketListQuerySchema = record({
  status: v.optional(listOf(TICKET_STATUSES, 'status')),
  tier: v.optional(listOf(TICKET_TIERS, 'tier')),
  kind: v.optional(listOf(TICKET_KINDS, 'kind')),
  /** An agent id, `me`, or `none` (unassigned). */
  assignee: v.optional(id),
  department: v.optional(departmentKey),
  /** Only tickets with a clock at risk or breached. */
  sla: v.optional(v.picklist(['at_risk', 'breached'])),
  sort: v.optional(v.picklist(TICKET_SORTS)),
  cursor: v.optional(ticketCursorSchema),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'expected a number'), v.transform(Number), v.minValue(1), v.maxValue(TICKET_PAGE_MAX))),
});
export type TicketListQuery = v.InferOutput<typeof TicketListQuerySchema>;

/** The most files one reply carries. */
export const TICKET_REPLY_FILES_MAX = 5;
/** A file id as the upload answered it (`<owner id>.<24 hex digits>`). */
export const TicketFileIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,39}\.[0-9a-f]{24}$/, 'malformed file id'));
/** Files uploaded to the ticket first, sent with the reply: at least one when given, each once. */
export const TicketReplyFilesSchema = v.pipe(
  v.array(TicketFileIdSchema),
  v.minLength(1, 'no files'),
  v.maxLength(TICKET_REPLY_FILES_MAX, `at most ${TICKET_REPLY_FILES_MAX} files`),
  v.check((ids) => new Set(ids).size === ids.length, 'a file is listed twice'),
);
/** Empty text is fine when files go with it (the thread then shows their names). */
const replyText = v.pipe(v.string(), noControls, v.trim(), v.maxLength(LIMITS.messageChars, 'text too long'));

/** POST /api/tickets/:number/replies: a public reply (the customer sees it), with text, files, or both. */
export const TicketReplySchema = v.pipe(
  record({ text: v.optional(replyText), files: v.optional(TicketReplyFilesSchema) }),
  v.check((r) => !!r.text || !!r.files?.length, 'empty text'),
);
export type TicketReplyInput = v.InferOutput<typeof TicketReplySchema>;

/** POST /api/tickets/:number/notes: an internal note (agents only). */
export const TicketNoteSchema = record({ text: body });
export type TicketNoteInput = v.InferOutput<typeof TicketNoteSchema>;

/**
 * PATCH /api/tickets/:number: change status, tier, the customer's plan, priority support (优先支持计划),
 * assignee (null: nobody) or department (null: none); at least one. Tier, plan and priority move the SLA clocks. `remark` goes with a status change into the thread (public, like the change).
 */
export const TicketPatchSchema = v.pipe(
  record({
    status: v.optional(v.picklist(TICKET_STATUSES)),
    tier: v.optional(v.picklist(TICKET_TIERS)),
    plan: v.optional(v.picklist(TICKET_PLANS)),
    priority: v.optional(v.boolean()),
    assigneeId: v.optional(v.nullable(id)),
    department: v.optional(v.nullable(departmentKey)),
    remark: v.optional(v.pipe(v.string(), noControls, v.trim(), v.maxLength(LIMITS.messageChars, 'text too long'))),
  }),
  v.check(
    (p) =>
      p.status !== undefined ||
      p.tier !== undefined ||
      p.plan !== undefined ||
      p.priority !== undefined ||
      p.assigneeId !== undefined ||
      p.department !== undefined,
    'nothing to change',
  ),
);
export type TicketPatch = v.InferOutput<typeof TicketPatchSchema>;

/**
 * POST /api/tickets: turn a conversation into a ticket in one click (its transcript becomes the first
 * event). Everything but the conversation is optional: the title defaults to the visitor's first
 * question, the tier to the one proposed from the text, the assignee to the agent who made it.
 */
export const TicketFromConversationSchema = record({
  conversationId: id,
  title: v.optional(v.pipe(v.string(), noControls, v.trim(), v.minLength(1), v.maxLength(TICKET_TITLE_MAX))),
  tier: v.optional(v.picklist(TICKET_TIERS)),
  kind: v.optional(v.picklist(TICKET_KINDS)),
  category: v.optional(categoryKey),
  department: v.optional(departmentKey),
});
export type TicketFromConversationInput = v.InferOutput<typeof TicketFromConversationSchema>;

/** The cursor that continues after `ticket` for a sort (the key the server sorted by). */
export function ticketCursor(sort: TicketSort, ticket: Pick<Ticket, 'id' | 'nextDueAt' | 'createdAt' | 'updatedAt'>): string {
  const key = sort === 'due' ? (ticket.nextDueAt ?? NO_DUE_KEY) : sort === 'created' ? ticket.createdAt : ticket.updatedAt;
  return `${key}_${ticket.id}`;
}
/** The due key of a ticket with no running clock: after every real instant, so such tickets sort last. */
export const NO_DUE_KEY = 9_999_999_999_999;
