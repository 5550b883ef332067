/** Domain types shared by the server, the widget and the console. */
import type { TicketStatus } from './ticket-schemas.ts';
import type { ComplaintPrompt } from './visitor-ticket-schemas.ts';

/** bot → queued → assigned → closed; queued → ticket when nobody can take it. */
export const CONVERSATION_STATES = ['bot', 'queued', 'assigned', 'closed', 'ticket'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export const AUTHORS = ['visitor', 'bot', 'agent', 'system'] as const;
export type Author = (typeof AUTHORS)[number];

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type BotDecision = 'answer' | 'suggest' | 'decline' | 'handoff';

/** What kind of small talk a visitor message was (a whole message of greeting, thanks or goodbye words). */
export type SmallTalkKind = 'greeting' | 'thanks' | 'goodbye';

/** A question the visitor can tap instead of typing. */
export interface Suggestion {
  /**
   * Knowledge-base entry id: the tapped button is answered from that entry. Absent for a site's own suggested
   * question that no entry asks word for word: tapped, it is sent and matched as if typed.
   */
  id?: string;
  question: string;
}

/** Extra data the widget renders next to a message's text. */
export interface MessageMeta {
  /** Bot turns: what the matcher decided. */
  decision?: BotDecision;
  /** Bot turns: the entry that answered. */
  entryId?: string;
  /** Bot answers the matcher chose: its score for the entry, 0–1 with two decimals (absent for a tapped suggestion). */
  confidence?: number;
  /** Buttons: follow-ups, "did you mean" candidates or welcome questions. */
  suggestions?: Suggestion[];
  /** The bot offers a human: once, on the second miss in a row (server/src/bot/human-offer.ts). */
  offerHuman?: boolean;
  /** Bot turns: a greeting, thanks or goodbye answered by the bot itself, not by a knowledge-base entry (decision `answer`). */
  smalltalk?: SmallTalkKind;
  /** Bot turns: nobody can answer now, and the visitor may leave a message (the suggestion, when there is one). */
  offerMessage?: boolean;
  /** Bot turns: the visitor typed for a human on a site with a pre-chat form; the widget shows the form, whose submit hands off. */
  preChat?: boolean;
  /** Bot turns: the visitor typed 我要投诉 / 我要提建议; the widget opens the complaint form with this text and tier. */
  complaint?: ComplaintPrompt;
  /** Visitor turns: the "talk to a human" button, not a question of theirs. */
  handoff?: boolean;
  /** System notices: a code each client renders in its viewer's language, with `params`; `text` is the fallback. */
  notice?: NoticeCode;
  /** The notice's parameters (which ones each code uses: NOTICE_PARAMS). */
  params?: NoticeParams;
  /** Queue position of a `queued` notice stored before `params` existed (1 = next). */
  position?: number;
  /** A file the visitor or an agent sent (an upload posts one message carrying it; `text` is its name). */
  attachment?: Attachment;
}

/** File types an upload may have, decided on the server from the file's first bytes. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** The largest upload, in bytes (10 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What clients know of an uploaded file; the bytes are at `GET /api/files/:id`. */
export interface Attachment {
  /** Server-made, unguessable. */
  id: string;
  /** The name the uploader gave, cleaned (shown, and offered when downloading). */
  name: string;
  type: AttachmentType;
  /** Bytes. */
  size: number;
  /** Images: pixels, when the header tells (lets clients reserve the thumbnail's box). */
  width?: number;
  height?: number;
}

/** Every kind of system notice; the conversation's life cycle posts them (server/src/conversation/lifecycle.ts). */
export const NOTICE_CODES = ['queued', 'assigned', 'closed', 'rating_thanks', 'reopened', 'ticket', 'left_queue', 'transferred'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** An expected wait as a range of whole minutes, `low` < `high`. */
export interface EtaMinutes {
  low: number;
  high: number;
}

/** Values a notice is rendered with; each code uses a few. */
export interface NoticeParams {
  /** `queued`: 1-based place in the queue. */
  position?: number;
  /** `queued`: the wait expected at that place, in whole minutes, when the queue's recent history tells (else absent). */
  etaMinutes?: EtaMinutes;
  /** `assigned`: the agent's display name. */
  agentName?: string;
  /** `ticket`: the ticket's number. */
  ticketNumber?: string;
  /** `transferred` to a department: its names; each client shows the one in its viewer's language. */
  departmentZh?: string;
  departmentEn?: string;
}

export interface Message {
  /** Client-generated id (unique per conversation); server-generated for bot/system/agent turns without one. */
  id: string;
  conversationId: string;
  /** Per-conversation sequence number, starting at 1, no gaps. */
  seq: number;
  author: Author;
  /** Display name of the agent for agent messages. */
  authorName?: string;
  /** Plain text for visitors and agents; a safe Markdown subset for bot answers. */
  text: string;
  meta?: MessageMeta;
  /** Unix epoch milliseconds. */
  createdAt: number;
}

/** What a visitor sees of their conversation. */
export interface VisitorConversation {
  id: string;
  state: ConversationState;
  /** 1-based position while queued. */
  queuePosition?: number;
  /** The wait expected at that position while queued, when the queue's recent history tells. */
  queueEtaMinutes?: EtaMinutes;
  /** Agent's display name while assigned. */
  agentName?: string;
  /** True when the conversation is closed and not yet rated. */
  ratingPending: boolean;
  rating?: number;
  lastSeq: number;
}

/** What an agent sees of a conversation in lists. */
export interface ConversationSummary {
  id: string;
  state: ConversationState;
  visitorId: string;
  visitorName: string;
  /** Who the host site says the visitor is; `verified` when it was signed with the site's identity secret. */
  identity?: { name?: string; email?: string; phone?: string; userId?: string; verified: boolean };
  lang: Lang;
  department?: string;
  priority: number;
  queuedAt?: number;
  assignedAgentId?: string;
  assignedAgentName?: string;
  rating?: number;
  lastMessage?: string;
  lastSeq: number;
  /** The visitor's closed conversation this one continues (they wrote again after it ended): 上一次会话. */
  previousConversationId?: string;
  createdAt: number;
  updatedAt: number;
}

/** An agents-only remark on a conversation: stored apart from its messages, never sent to the visitor. */
export interface InternalNote {
  id: string;
  conversationId: string;
  agentId: string;
  /** The writer's display name when written. */
  authorName: string;
  text: string;
  /** Unix epoch milliseconds. */
  createdAt: number;
}

/** A live (queued or assigned) conversation as the supervisor's list shows it. */
export interface LiveConversation extends ConversationSummary {
  /** Milliseconds waited: since queued while queued, from queued to assigned once assigned. */
  waitMs: number;
}

/** A colleague a conversation can be transferred to (enabled agents only). */
export interface TransferTarget {
  id: string;
  name: string;
  presence: 'online' | 'away' | 'offline';
  /** Department keys. */
  departments: string[];
  /** At capacity: only a supervisor or admin can transfer to them. */
  full: boolean;
}

/** One visitor message as the handoff card quotes it. */
export interface HandoffQuestion {
  seq: number;
  text: string;
  createdAt: number;
}

/** What an agent reads before replying: the visitor's problem, what the bot tried, and who they are (agents only). */
export interface HandoffCard {
  /** The visitor's own questions in this conversation, oldest first, the last 10 (not the "talk to a human" button). */
  questions: HandoffQuestion[];
  /** Questions the bot declined, or answered with a "did you mean" the visitor did not tap. */
  missed: HandoffQuestion[];
  /** Entries the bot answered with, latest answer first; the entry's question in Chinese and English when the knowledge base still has it (the console shows its own language). */
  matched: { entryId: string; question?: string; questionEn?: string; confidence?: number }[];
  /** `phone`: a number the visitor gave in the pre-chat form (never signed). */
  identity?: { name?: string; email?: string; phone?: string; userId?: string; verified: boolean };
  /** The page the visitor chats from (without its query). */
  page?: string;
  /** The page's title, when the widget told it. */
  pageTitle?: string;
  lang: Lang;
  /** The visitor's IANA time zone, when the widget told it. */
  timeZone?: string;
  /** "Chrome 131 / macOS", from the visitor's User-Agent. */
  browser?: string;
  /** The visitor's other conversations, newest first. */
  earlier: { id: string; state: ConversationState; createdAt: number; preview?: string }[];
  /** The visitor's tickets, newest first. */
  tickets: { number: string; status: TicketStatus; createdAt: number }[];
}

export type AgentRole = 'admin' | 'supervisor' | 'agent';

export interface AgentProfile {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
}
