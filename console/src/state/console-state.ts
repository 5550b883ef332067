/** Shape of the console's conversation state (queue, my conversations, transcripts). */
import type { AgentProfile, ConversationSummary, HandoffCard, Message } from '@kefu/shared';

/** A reply typed by this agent that the server has not acknowledged yet. */
export interface PendingReply {
  /** The clientId sent; resending it is idempotent on the server. */
  clientId: string;
  text: string;
  createdAt: number;
  status: 'sending' | 'failed';
}

/** One conversation as the console holds it. */
export interface ConversationView {
  summary: ConversationSummary;
  /** Stored messages, unique by id, ordered by seq. */
  messages: Message[];
  /** True once the transcript was fetched (accept or open); pushes alone leave gaps. */
  loaded: boolean;
  /** Messages older than the first one held exist (a long conversation opens on its newest page). */
  hasOlder: boolean;
  pending: PendingReply[];
  unread: number;
  /** The visitor is typing (the UI clears it after a few seconds without news). */
  visitorTyping: boolean;
  /** How far this agent has marked the conversation read (any of their tabs). */
  readSeq: number;
  /** The handoff card of the last open / accept (who the visitor is, what they asked, what the bot missed). */
  card?: HandoffCard;
}

/** Everything the signed-in console shows that comes from the server. */
export interface ConsoleState {
  agent: AgentProfile | null;
  /** The waiting queue in the server's order. */
  queue: ConversationSummary[];
  /** Ids of this agent's conversations, newest first; closed ones stay until removed. */
  mine: string[];
  conversations: Record<string, ConversationView>;
  /** The conversation shown on the right. */
  openId: string | null;
  /** False while the tab is in the background: then even the open conversation counts unread messages. */
  pageVisible: boolean;
  /** False while another page (team, departments) covers the desk: the open conversation is not on screen then either. */
  deskShown: boolean;
  /** True once the first hello arrived (what it lists was waiting before: not news for notifications). */
  greeted: boolean;
  /** The last of my conversations given to another agent or a queue (by a supervisor, or by my own transfer): it left my list, and the console says where it went. */
  handedAway: HandedAway | null;
}

/** One of my conversations now with another agent (`agentName`) or back in the queue. */
export interface HandedAway {
  conversationId: string;
  visitorName: string;
  agentName?: string;
}

/** State before the first `hello`. */
export const initialConsoleState: ConsoleState = {
  agent: null,
  queue: [],
  mine: [],
  conversations: {},
  openId: null,
  pageVisible: true,
  deskShown: true,
  greeted: false,
  handedAway: null,
};
