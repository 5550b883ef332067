/**
 * Socket.IO event maps. The server is `Server<VisitorClientEvents, VisitorServerEvents>` on the
 * `/visitor` namespace and `<AgentClientEvents, AgentServerEvents>` on `/agent`; clients use the
 * same maps swapped. Every client → server event carries one payload and an acknowledgement.
 */
import type { AckFn } from './errors.ts';
import type {
  AgentProfile,
  ConversationSummary,
  HandoffCard,
  InternalNote,
  LiveConversation,
  TransferTarget,
  Message,
  Suggestion,
  VisitorConversation,
} from './domain.ts';
import type {
  AgentHistoryInput,
  AgentSend,
  AssignInput,
  ConversationRef,
  HandoffRequest,
  HistoryInput,
  LeaveQueueInput,
  NoteInput,
  OpenConversation,
  RatingInput,
  ReadInput,
  SyncInput,
  TransferInput,
  TypingInput,
  VisitorHello,
  VisitorSend,
} from './schemas.ts';
import type { VisitorAvailability } from './service-hours.ts';
import type { PublicSiteSettings } from './site-schemas.ts';
import type { TeamAgent } from './team-schemas.ts';
import type { Ticket, TicketAlert, TicketEvent, TicketTier } from './ticket-schemas.ts';
import type { ComplaintConfirmation, ComplaintInput, MyTicketsInput, ProposeTierInput, TicketAddInfoInput, TicketLookupInput, TicketRateInput, TicketReplyPush, VisitorTicket, VisitorTicketDetail } from './visitor-ticket-schemas.ts';

export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';

export interface VisitorHelloResult {
  /** Signed token to keep (localStorage); the same as sent when it was valid. */
  token: string;
  visitorId: string;
  conversation: VisitorConversation;
  /**
   * Messages after the `lastSeq` sent when they fit in one page; otherwise (or without `lastSeq`)
   * the newest page. Older ones are fetched with `history`.
   */
  messages: Message[];
  /** True when messages older than the first one returned exist. */
  hasOlder: boolean;
  /** Welcome questions to show as buttons. */
  welcome: Suggestion[];
  /** Whether human agents of the site's default department are on duty now, and when they return (the widget header). */
  availability?: VisitorAvailability;
  /** The site's look, greeting and pre-chat form. */
  site?: PublicSiteSettings;
}

export interface SendResult {
  /** The stored message (same id and seq on a resend). */
  message: Message;
}

/** A page of older messages, oldest first. */
export interface HistoryPage {
  messages: Message[];
  /** True when there are messages older than this page. */
  hasOlder: boolean;
}

/** Pushed to the other side: someone in this conversation started or stopped typing (expires by itself after a few seconds). */
export interface TypingSignal {
  conversationId: string;
  typing: boolean;
}

/** Pushed to the visitor (and the agent's other tabs): the agent has read this conversation up to `seq`. */
export interface ReadMark {
  conversationId: string;
  seq: number;
}

export interface VisitorClientEvents {
  hello: (payload: VisitorHello, ack: AckFn<VisitorHelloResult>) => void;
  send: (payload: VisitorSend, ack: AckFn<SendResult>) => void;
  handoff: (payload: HandoffRequest, ack: AckFn<{ conversation: VisitorConversation }>) => void;
  /** Leaves the human queue of that conversation; the bot answers again. */
  leaveQueue: (payload: LeaveQueueInput, ack: AckFn<{ conversation: VisitorConversation }>) => void;
  rate: (payload: RatingInput, ack: AckFn<{ conversation: VisitorConversation }>) => void;
  sync: (payload: SyncInput, ack: AckFn<{ messages: Message[] }>) => void;
  /** The page before `beforeSeq` (scrolling back). */
  history: (payload: HistoryInput, ack: AckFn<HistoryPage>) => void;
  /** The visitor is typing in their conversation (the widget sends at most one per 2 s, then a stop); the ack is optional. */
  typing: (payload: TypingInput, ack: AckFn<Record<string, never>>) => void;
  /** 我的工单: the tickets this visitor created, newest first. */
  myTickets: (payload: MyTicketsInput, ack: AckFn<{ tickets: VisitorTicket[] }>) => void;
  /** One of this visitor's tickets with its public replies; any other number is `not_found` (rate limited). */
  ticket: (payload: TicketLookupInput, ack: AckFn<VisitorTicketDetail>) => void;
  /** Adds information to this visitor's ticket (a public reply from the customer). */
  addTicketInfo: (payload: TicketAddInfoInput, ack: AckFn<VisitorTicketDetail>) => void;
  /** Rates this visitor's resolved ticket 1–5 (once, within 48 h of resolution; `invalid_state` otherwise). */
  rateTicket: (payload: TicketRateInput, ack: AckFn<VisitorTicketDetail>) => void;
  /** The tier the complaint form proposes for a text (紧急 / 严重 / 一般). */
  proposeTier: (payload: ProposeTierInput, ack: AckFn<{ tier: TicketTier }>) => void;
  /** Files a complaint or suggestion; the answer is its confirmation (number, tier, response time). */
  complain: (payload: ComplaintInput, ack: AckFn<ComplaintConfirmation>) => void;
}

export interface VisitorServerEvents {
  message: (message: Message) => void;
  conversation: (conversation: VisitorConversation) => void;
  /** The assigned agent is typing (or stopped). */
  typing: (signal: TypingSignal) => void;
  /** The agent has read up to `seq`; also sent right after `hello` when a mark is known. */
  read: (mark: ReadMark) => void;
  /** An agent answered one of this visitor's tickets (the 我的工单 badge); also right after hello when any ticket has an answer. */
  ticketReply: (push: TicketReplyPush) => void;
}

export interface AgentHelloResult {
  agent: AgentProfile;
  queue: ConversationSummary[];
  /** Conversations assigned to this agent and still open. */
  mine: ConversationSummary[];
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  /** After `afterSeq` when that fits in one page, else the newest page. */
  messages: Message[];
  /** True when messages older than the first one returned exist. */
  hasOlder: boolean;
  /** The agents' internal notes on it, oldest first (never sent to the visitor). */
  notes?: InternalNote[];
  /** What the agent reads before replying (open / accept only). */
  card?: HandoffCard;
}

export interface AgentClientEvents {
  hello: (payload: Record<string, never>, ack: AckFn<AgentHelloResult>) => void;
  accept: (payload: ConversationRef, ack: AckFn<ConversationDetail>) => void;
  open: (payload: OpenConversation, ack: AckFn<ConversationDetail>) => void;
  send: (payload: AgentSend, ack: AckFn<SendResult>) => void;
  close: (payload: ConversationRef, ack: AckFn<{ conversation: ConversationSummary }>) => void;
  /** The page before `beforeSeq` of one conversation (scrolling back). */
  history: (payload: AgentHistoryInput, ack: AckFn<HistoryPage>) => void;
  /** The agent is typing a reply (assigned agent only); relayed to the visitor. */
  typing: (payload: TypingInput, ack: AckFn<Record<string, never>>) => void;
  /** Marks the conversation read up to `seq` (assigned agent only); the ack carries the mark now held. */
  read: (payload: ReadInput, ack: AckFn<ReadMark>) => void;
  /** An internal note (the assigned agent, a supervisor or an admin); pushed to the agents watching, never to the visitor. */
  note: (payload: NoteInput, ack: AckFn<{ note: InternalNote }>) => void;
  /** Hands the conversation to another agent or a department (the assigned agent, a supervisor or an admin). */
  transfer: (payload: TransferInput, ack: AckFn<{ conversation: ConversationSummary }>) => void;
  /** Supervisors and admins: give a queued or assigned conversation to a named agent (past capacity if need be). */
  assign: (payload: AssignInput, ack: AckFn<{ conversation: ConversationSummary }>) => void;
  /** Every enabled colleague with presence, departments and whether they are full: whom a transfer can go to. */
  listAgents: (payload: Record<string, never>, ack: AckFn<{ agents: TransferTarget[] }>) => void;
  /** Supervisors and admins: every queued and assigned conversation, with agent, state, department and wait. */
  listLive: (payload: Record<string, never>, ack: AckFn<{ conversations: LiveConversation[] }>) => void;
}

export interface AgentServerEvents {
  /** The whole waiting queue, in order, whenever it changes. */
  queue: (queue: ConversationSummary[]) => void;
  /** A conversation this agent watches changed (assigned, closed, rated). */
  conversation: (conversation: ConversationSummary) => void;
  /** A new message in a conversation this agent has open or is assigned. */
  message: (message: Message) => void;
  /** The visitor of a conversation this agent has open is typing (or stopped). */
  typing: (signal: TypingSignal) => void;
  /** This agent read a conversation up to `seq` in another tab. */
  read: (mark: ReadMark) => void;
  /** An internal note was added to a conversation this agent watches. */
  note: (note: InternalNote) => void;
  /** A ticket this agent may see changed (status, tier, assignee, department, a reply or note, an SLA state). */
  ticket: (ticket: Ticket) => void;
  /** A new entry in the thread of a ticket this agent may see (the detail view appends it). */
  ticketEvent: (event: TicketEvent) => void;
  /** A ticket's SLA clock is at risk (80 %) or breached (100 %), or the ticket was escalated: to its assignee, supervisors and admins, and the escalation group. */
  ticketAlert: (alert: TicketAlert) => void;
  /**
   * Supervisors and admins (who may read the team page): an agent's team row changed — presence, role,
   * capacity, account state, departments — or a new agent joined. The same view as `GET /api/team/agents`.
   */
  teamAgent: (agent: TeamAgent) => void;
}
