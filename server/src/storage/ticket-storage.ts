/**
 * Tickets as storage rows: the ticket with its SLA clocks and pauses, and its thread of events.
 * Every change goes through `updateTicket`, guarded by the ticket's revision so that two agents (or an
 * agent and a timer) never overwrite each other's change unseen; its events land in the same write.
 * The rules (which status may follow which, when clocks move) are in ../tickets/.
 */
import type {
  Attachment,
  ClockState,
  TicketClockName,
  TicketEventType,
  TicketKind,
  TicketPlan,
  TicketSort,
  TicketStatus,
  TicketTier,
  TranscriptLine,
} from '@kefu/shared';

/** A wait on the customer that has ended. */
export interface StoredPause {
  from: number;
  to: number;
}

/** One SLA clock as stored with its ticket. */
export interface StoredClock {
  clock: TicketClockName;
  /** When it started running: the ticket's creation, or its last reopen. */
  startedAt: number;
  basis: 'elapsed' | 'workingDays';
  promisedMs: number;
  /** Absent while a pause under way holds the clock. */
  dueAt?: number;
  targetAt?: number;
  /** When the step it promises was done (a first public reply for `response`; resolution for every clock). */
  metAt?: number;
  /** The threshold its timers have reached. */
  state: ClockState;
}

export interface TicketRecord {
  id: string;
  /** Human-readable, unique: T20261122-0001. */
  number: string;
  conversationId?: string;
  visitorId?: string;
  status: TicketStatus;
  title: string;
  /** Exactly as typed. */
  description?: string;
  /** The contact left in the message form, as typed (a phone number or an email). */
  contact?: string;
  category?: string;
  department?: string;
  tier: TicketTier;
  plan: TicketPlan;
  priority: boolean;
  kind: TicketKind;
  requesterName?: string;
  requesterEmail?: string;
  requesterPhone?: string;
  assigneeId?: string;
  reopenCount: number;
  escalatedAt?: number;
  /** Start of the wait on the customer under way. */
  pausedAt?: number;
  /** Ended waits on the customer, oldest first. */
  pauses: StoredPause[];
  clocks: StoredClock[];
  /** The soonest due time of a running clock. */
  nextDueAt?: number;
  /** The worst state any running clock's timers reached. */
  slaState: ClockState;
  resolvedAt?: number;
  /** Bumped by every update. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** Extra data an event carries (see TicketEvent in @kefu/shared). */
export interface TicketEventData {
  from?: string;
  to?: string;
  toName?: string;
  /** plan: priority support before and after. */
  fromPriority?: boolean;
  toPriority?: boolean;
  clock?: TicketClockName;
  level?: 'at_risk' | 'breached';
  reason?: 'reopens' | 'overdue';
  transcript?: TranscriptLine[];
  /** reply: the files sent with it (the bytes in the ticket file store). */
  attachments?: Attachment[];
}

export interface NewTicketEvent {
  type: TicketEventType;
  public: boolean;
  authorKind: 'agent' | 'customer' | 'system';
  authorId?: string;
  authorName?: string;
  text?: string;
  data?: TicketEventData;
  createdAt: number;
}

export interface TicketEventRecord extends NewTicketEvent {
  id: string;
  ticketId: string;
  data: TicketEventData;
}

export interface NewTicket {
  conversationId?: string;
  visitorId?: string;
  contact?: string;
  description?: string;
  title?: string;
  category?: string;
  department?: string;
  tier?: TicketTier;
  plan?: TicketPlan;
  priority?: boolean;
  kind?: TicketKind;
  requesterName?: string;
  requesterEmail?: string;
  requesterPhone?: string;
  assigneeId?: string;
  clocks?: StoredClock[];
  nextDueAt?: number;
  /** Written with the ticket, in order (its first thread entries). */
  events?: NewTicketEvent[];
  /** Calendar day in the service time zone, YYYYMMDD; numbering restarts each day. */
  day: string;
  createdAt: number;
}

/** What an update may change; null clears. */
export interface TicketChange {
  status?: TicketStatus;
  title?: string;
  category?: string | null;
  department?: string | null;
  tier?: TicketTier;
  plan?: TicketPlan;
  /** The 优先支持计划. */
  priority?: boolean;
  assigneeId?: string | null;
  reopenCount?: number;
  escalatedAt?: number | null;
  pausedAt?: number | null;
  pauses?: StoredPause[];
  clocks?: StoredClock[];
  nextDueAt?: number | null;
  slaState?: ClockState;
  resolvedAt?: number | null;
}

/** Which tickets a list returns; every filter is optional and they combine with AND. */
export interface TicketQuery {
  statuses?: readonly TicketStatus[];
  tiers?: readonly TicketTier[];
  kinds?: readonly TicketKind[];
  /** An agent id, or null for unassigned tickets. */
  assigneeId?: string | null;
  department?: string;
  /** at_risk: at risk or breached; breached: breached only. */
  sla?: 'at_risk' | 'breached';
  /** Only tickets of these departments or assigned to this agent (an agent's view). */
  visibleTo?: { agentId: string; departments: readonly string[] };
  sort: TicketSort;
  /** Continue after this ticket (its sort key and id). */
  after?: { key: number; id: string };
  limit: number;
}

/** The due key of a ticket with no running clock (sorts after every real instant). */
export const NO_DUE_KEY = 9_999_999_999_999;

/** The key a ticket sorts by. */
export function ticketSortKey(sort: TicketSort, t: Pick<TicketRecord, 'nextDueAt' | 'createdAt' | 'updatedAt'>): number {
  return sort === 'due' ? (t.nextDueAt ?? NO_DUE_KEY) : sort === 'created' ? t.createdAt : t.updatedAt;
}

export interface TicketStorage {
  /** Numbers the ticket (per day, atomically across processes) and writes it with its first events. */
  createTicket(input: NewTicket): Promise<TicketRecord>;
  getTicket(id: string): Promise<TicketRecord | undefined>;
  getTicketByNumber(number: string): Promise<TicketRecord | undefined>;
  /** The visitor's tickets, newest first, at most `limit`. */
  listVisitorTickets(visitorId: string, limit: number): Promise<TicketRecord[]>;
  /** Sets the status only (no rules, no events); the lifecycle uses `updateTicket`. */
  updateTicketStatus(number: string, status: TicketStatus, now: number): Promise<TicketRecord | undefined>;
  /**
   * Applies the change and appends the events in one write, if the ticket is still at `revision`;
   * undefined when it is not (someone changed it meanwhile) or does not exist. Bumps revision and updatedAt.
   */
  updateTicket(id: string, revision: number, change: TicketChange, events: readonly NewTicketEvent[], now: number): Promise<TicketRecord | undefined>;
  /** One page: due soonest first (no running clock last) or newest first, by (key, id). */
  listTickets(query: TicketQuery): Promise<TicketRecord[]>;
  /** The thread, oldest first (public and internal). */
  listTicketEvents(ticketId: string): Promise<TicketEventRecord[]>;
  /** What the tickets created in [from, to) add up to, per tier that has any (`ticket-totals-sql.ts`). */
  ticketTotals(from: number, to: number): Promise<TicketTierTotals[]>;
}

/** The tickets of a period in one tier, summed: `tickets/ticket-report.ts` turns them into means. */
export interface TicketTierTotals {
  tier: TicketTier;
  created: number;
  resolved: number;
  /** Summed time from creation to resolution of the resolved ones. */
  resolutionMs: number;
  /** Resolved ones never escalated (to the escalation group): solved by the first line. */
  firstLine: number;
  /** First answers given (reply or acceptance) and their summed time. */
  answered: number;
  answerMs: number;
  /** SLA clocks done in time, and clocks that broke their promise. */
  clocksMet: number;
  clocksMissed: number;
}
