/** The storage seam: every persistent read and write the server makes, async so SQLite and PostgreSQL can both implement it. */
import type { AgentRole, Author, ConversationState, InternalNote, Lang, Message, MessageMeta, PreChatSettings, Presence } from '@kefu/shared';
import type { JobStorage } from './job-storage.ts';
import type { RatingStorage } from './rating-storage.ts';
import type { TicketStorage } from './ticket-storage.ts';

/** A website that embeds the widget. */
export interface SiteRecord {
  key: string;
  name: string;
  /** Origins allowed to open visitor sockets; empty = same-origin and loopback only. */
  allowedOrigins: string[];
  /** HMAC / HS256 secret for `identify` signatures; never sent to any client. */
  identitySecret?: string;
  /** Visitors must present a signed identity. */
  identityRequired: boolean;
  /** Visitor tokens carry the generation they were issued under; bumping it refuses every older token. */
  tokenGeneration: number;
  /** `#rrggbb` for the widget's launcher and header. */
  themeColor?: string;
  /** The site's own greeting in the widget, instead of the default one. */
  welcomeText?: string;
  /** Questions the widget offers before the visitor types (at most 6). */
  suggestions: string[];
  preChat: PreChatSettings;
  /** Department key a handoff goes to when neither the visitor nor the matched entry chose one. */
  defaultDepartment?: string;
  createdAt: number;
}

/** What an admin may change on a site; `null` removes an optional setting (`identitySecret: null` removes the secret). */
export interface SitePatch {
  name?: string;
  allowedOrigins?: string[];
  identitySecret?: string | null;
  identityRequired?: boolean;
  themeColor?: string | null;
  welcomeText?: string | null;
  suggestions?: string[];
  preChat?: PreChatSettings;
  defaultDepartment?: string | null;
}

/** A new site: key and name, and any settings a patch could set. */
export type SiteCreate = { key: string; name: string; now: number } & Omit<SitePatch, 'name'>;

export interface VisitorRecord {
  id: string;
  siteKey: string;
  name?: string;
  email?: string;
  /** A phone number the visitor gave (the pre-chat form's contact), never verified. */
  phone?: string;
  page?: string;
  /** The host site's user id, as `identify` told it. */
  userId?: string;
  /** True when `userId` came with a valid signature: only then may it link devices. */
  identityVerified: boolean;
  createdAt: number;
  lastSeenAt: number;
}

/** Who a visitor says they are on this visit; undefined fields keep their stored value. */
export interface VisitorSeen {
  page?: string;
  name?: string;
  email?: string;
  phone?: string;
  userId?: string;
  identityVerified?: boolean;
  now: number;
}

/** Where a visitor is inside a declared multi-turn flow. */
export interface FlowState {
  flowId: string;
  /** Index of the step waiting for input (an ask step). */
  step: number;
  slots: Record<string, string>;
}

export interface ConversationRecord {
  id: string;
  siteKey: string;
  visitorId: string;
  state: ConversationState;
  /** Unset until hello or the first message tells. */
  lang?: Lang;
  department?: string;
  priority: number;
  queuedAt?: number;
  assignedAgentId?: string;
  assignedAt?: number;
  closedAt?: number;
  rating?: number;
  ratingComment?: string;
  flow?: FlowState;
  lastMessage?: string;
  lastSeq: number;
  /** The visitor's closed conversation this one continues (they wrote again after it ended). */
  previousConversationId?: string;
  createdAt: number;
  updatedAt: number;
}

/** What the history search filters closed conversations by; every filter given must match. */
export interface ClosedConversationQuery {
  /** Part of the visitor's name, email or user id, or their whole visitor id. */
  visitor?: string;
  /** Part of any visitor, bot or agent message (not system notices). */
  text?: string;
  /** Closed at or after (epoch ms). */
  closedFrom?: number;
  /** Closed before (epoch ms). */
  closedTo?: number;
  /** The agent who had it when it was closed. */
  agentId?: string;
  /** Keyset cursor: only conversations after this one in the order (closed earlier, or at the same time with a smaller id). */
  after?: { closedAt: number; id: string };
  limit: number;
}

/** One closed conversation the history search found, with what its list row shows. */
export interface ClosedConversationHit {
  conversation: ConversationRecord & { closedAt: number };
  visitor: VisitorRecord;
  agentName?: string;
  /** The visitor's first own message (not the "human" button, not a file). */
  firstQuestion?: string;
}

/** Fields a plain update may change; `null` clears an optional field. */
export interface ConversationPatch {
  state?: ConversationState;
  lang?: Lang;
  department?: string | null;
  priority?: number;
  queuedAt?: number | null;
  assignedAgentId?: string | null;
  assignedAt?: number | null;
  closedAt?: number | null;
  flow?: FlowState | null;
  /** The agents' list preview (NewMessage.preview sets it with a message; a patch on an append must not). */
  preview?: string | null;
}

export interface NewMessage {
  conversationId: string;
  /** Client-generated id for idempotency; generated when omitted. */
  clientId?: string;
  author: Author;
  authorName?: string;
  text: string;
  meta?: MessageMeta;
  createdAt: number;
  /** Conversation fields changed in the same transaction (the bot's department, language, flow). */
  patch?: ConversationPatch;
  /** The conversation's preview in agents' lists (the visitor's own words); unchanged when omitted. */
  preview?: string;
  /**
   * Records this (visitor) message as waiting for its bot turn, in the same transaction, when the
   * conversation is with the bot: a crash before the reply leaves it for `listPendingTurns`.
   */
  pendingTurn?: { entryId?: string };
  /** The seq of the visitor message this reply answers: its pending turn is cleared in the same transaction. */
  settlesTurn?: number;
}

export interface AppendResult {
  message: Message;
  /** False when a message with the same client id already existed (nothing stored). */
  created: boolean;
  /** The conversation after the append (last_seq, patch applied), so callers need not read it again. */
  conversation: ConversationRecord;
}

/** One conversation's time in a department's queue, from joining it to an agent taking it. */
export interface QueueWaitRecord {
  conversationId: string;
  department: string;
  queuedAt: number;
  acceptedAt: number;
}

/** What 报表 / Reports says of the chats of a period. */
export interface ChatTotals {
  /** Conversations started in the period in which the visitor wrote at least once. */
  conversations: number;
  /** Of them, those an agent took. */
  served: number;
  /** Of the rest, those whose handoff became a ticket (nobody on duty), and those whose visitor left the queue. */
  ticketed: number;
  leftQueue: number;
  /** Per agent: the conversations they hold, and the summed time to their first reply over those replied to. */
  byAgent: { agentId: string; agentName: string; taken: number; replied: number; replyTotalMs: number }[];
  /** Queue waits of conversations taken in the period, per department: how many, their sum and the longest. */
  waits: { department: string; count: number; totalMs: number; longestMs: number }[];
}

/** A visitor message stored but not yet answered by the bot (the process stopped in between). */
export interface PendingTurn {
  conversationId: string;
  seq: number;
  text: string;
  entryId?: string;
  createdAt: number;
}

/** One page of a conversation, oldest first. */
export interface MessagePage {
  messages: Message[];
  /** True when messages older than the first one returned exist. */
  hasOlder: boolean;
}

/** An internal note to store; a known `clientId` on the same conversation returns the stored note instead. */
export interface NewNote {
  conversationId: string;
  clientId: string;
  agentId: string;
  authorName: string;
  text: string;
  createdAt: number;
}

export interface AgentRecord {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  /** Set while the account is disabled: no sign-in, no session, no socket. */
  disabledAt?: number;
  presence: Presence;
  /** When the presence last changed (routing's "idle longest" tie-break may read it). */
  presenceAt: number;
  /** Concurrent conversations this agent takes. */
  capacity: number;
  createdAt: number;
  updatedAt: number;
}

/** What `updateAgent` may change; `disabledAt: null` enables the agent again. */
export interface AgentPatch {
  passwordHash?: string;
  role?: AgentRole;
  name?: string;
  capacity?: number;
  presence?: Presence;
  disabledAt?: number | null;
}

/** An agent and the conversations they hold now. */
export interface AgentLoad {
  agent: AgentRecord;
  /** Conversations assigned to the agent and still open. */
  openConversations: number;
  /** The latest `assignedAt` among them; unset when they hold none. */
  lastAssignedAt?: number;
}

/** An invitation to join the team; only the SHA-256 of its token is stored. */
export interface InviteRecord {
  tokenHash: string;
  email: string;
  role: AgentRole;
  department?: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
}

/** Why an invite could not be accepted. */
export type InviteRefusal = 'unknown' | 'used' | 'expired' | 'email_taken';

export interface DepartmentRecord {
  key: string;
  nameZh: string;
  nameEn: string;
  createdAt: number;
  /** Agent ids, in no particular order. */
  members: string[];
}

/** A saved reply: the team's (no owner) or one agent's own. */
export interface CannedReplyRecord {
  id: string;
  /** Undefined for a team reply. */
  ownerAgentId?: string;
  /** A short keyword typed after `/`. */
  shortcut?: string;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

export interface CannedReplyPatch {
  /** Null clears it. */
  shortcut?: string | null;
  title?: string;
  text?: string;
}

/** A signed-in agent's session; only the SHA-256 of its token is stored. */
export interface SessionRecord {
  tokenHash: string;
  agentId: string;
  createdAt: number;
  /** The absolute end of the session. */
  expiresAt: number;
  lastSeenAt: number;
}

export { TICKET_STATUSES, type TicketStatus } from '@kefu/shared';
export type { NewTicket, TicketRecord } from './ticket-storage.ts';

/** Everything the server persists. Implementations must make `appendMessage`, `transitionConversation`, `rateConversation` and `createTicket` atomic across processes. */
export interface Storage extends JobStorage, TicketStorage, RatingStorage {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Returns the stored value, storing `value` first when the key is new (first writer wins). */
  ensureSetting(key: string, value: string): Promise<string>;
  /** The stored value; undefined when the key was never set. */
  getSetting(key: string): Promise<string | undefined>;
  /** Stores `value` under `key`, replacing any earlier value. */
  setSetting(key: string, value: string): Promise<void>;

  getSite(key: string): Promise<SiteRecord | undefined>;
  upsertSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'> & { createdAt?: number }): Promise<SiteRecord>;
  /** Inserts the site when missing (no secret, nothing required, generation 0); never changes an existing one. */
  ensureSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'>, now: number): Promise<SiteRecord>;
  /** Every site, oldest first. */
  listSites(): Promise<SiteRecord[]>;
  /** Undefined when a site with that key exists already (it is left unchanged). */
  createSite(input: SiteCreate): Promise<SiteRecord | undefined>;
  /** Undefined when the site does not exist. */
  updateSite(key: string, patch: SitePatch): Promise<SiteRecord | undefined>;
  /** Bumps the token generation (refusing every visitor token issued before); undefined when the site does not exist. */
  rotateSiteTokens(key: string): Promise<SiteRecord | undefined>;

  createVisitor(input: { siteKey: string } & VisitorSeen): Promise<VisitorRecord>;
  getVisitor(id: string): Promise<VisitorRecord | undefined>;
  /** The site's earliest visitor whose identity was verified with this user id. */
  findVerifiedVisitor(siteKey: string, userId: string): Promise<VisitorRecord | undefined>;
  /** Records a visit; fields left undefined keep their stored value. */
  touchVisitor(id: string, input: VisitorSeen): Promise<void>;

  /**
   * A new conversation with the bot. With `previousConversationId` (the visitor wrote after it closed) it continues that
   * one, and only once: when another process continued it first, that continuation is returned instead.
   */
  createConversation(input: { siteKey: string; visitorId: string; lang?: Lang; previousConversationId?: string; now: number }): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** The visitor's most recent conversation. */
  latestConversation(visitorId: string): Promise<ConversationRecord | undefined>;
  /** The visitor's conversations, newest first, at most `limit`. */
  listVisitorConversations(visitorId: string, limit: number): Promise<ConversationRecord[]>;
  updateConversation(id: string, patch: ConversationPatch, now: number): Promise<ConversationRecord>;
  /** Conditional update: applies only while the state is one of `from`; undefined when it was not (someone else won). */
  transitionConversation(
    id: string,
    from: readonly ConversationState[],
    patch: ConversationPatch,
    now: number,
  ): Promise<ConversationRecord | undefined>;
  /**
   * Assigns the conversation to an enabled agent while it is in one of `from` and the agent holds fewer
   * assigned conversations than their capacity (unless `overCapacity`, a supervisor's explicit choice), as one
   * atomic step: several nodes never push an agent past capacity or give one conversation twice. Undefined
   * when it did not apply.
   */
  assignConversation(
    id: string,
    from: readonly ConversationState[],
    agentId: string,
    patch: ConversationPatch,
    now: number,
    overCapacity?: boolean,
  ): Promise<ConversationRecord | undefined>;
  /** Stores a rating once, only on a closed conversation; undefined when not allowed. */
  rateConversation(id: string, score: number, comment: string | undefined, now: number): Promise<ConversationRecord | undefined>;
  /** Queued conversations, next first (priority high → low, then oldest). */
  listQueue(): Promise<ConversationRecord[]>;
  /** Records that a conversation was taken from its department's queue (the queue's ETA reads these). */
  recordQueueWait(wait: QueueWaitRecord): Promise<void>;
  /** The department's queue waits taken at or after `since`, latest taken first, at most `limit`. */
  listQueueWaits(department: string, since: number, limit: number): Promise<QueueWaitRecord[]>;
  /** Conversations started in [from, to) that a visitor wrote in, those an agent took, and the queue waits taken in it. */
  chatTotals(from: number, to: number): Promise<ChatTotals>;
  /**
   * Marks queued conversations that joined the queue at or before `queuedBefore` (only `id` when given) as
   * offered to leave a message, once per wait: one offered since it last queued is left alone. One
   * conditional update: of several nodes claiming at once, each conversation is returned to one of them.
   */
  claimLongWaitOffers(filter: { queuedBefore: number; id?: string }, now: number): Promise<ConversationRecord[]>;
  /** Assigned, still open conversations of one agent. */
  listAssigned(agentId: string): Promise<ConversationRecord[]>;
  /** Every queued and assigned conversation, longest waiting first (by queued time, then creation). */
  listLive(): Promise<ConversationRecord[]>;
  countConversationsByState(): Promise<Partial<Record<ConversationState, number>>>;
  /** Closed conversations matching every filter given, newest closed first (then by id), at most `limit`. */
  searchClosedConversations(query: ClosedConversationQuery): Promise<ClosedConversationHit[]>;

  /** Stores a message with seq = last_seq + 1; a known client id returns the stored message instead. */
  appendMessage(input: NewMessage): Promise<AppendResult>;
  findMessage(conversationId: string, clientId: string): Promise<Message | undefined>;
  /** Messages with seq > afterSeq, oldest first. */
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** The newest `limit` messages, oldest first. */
  listLatestMessages(conversationId: string, limit: number): Promise<MessagePage>;
  /** The `limit` messages just before `beforeSeq`, oldest first. */
  listMessagesBefore(conversationId: string, beforeSeq: number, limit: number): Promise<MessagePage>;
  /** Every pending bot turn, oldest first (per conversation in seq order). */
  listPendingTurns(): Promise<PendingTurn[]>;
  /** Clears a pending turn that ends without a reply (the conversation left the bot meanwhile). */
  settleTurn(conversationId: string, seq: number): Promise<void>;
  countMessages(): Promise<number>;

  /** Stores an internal note, apart from the messages (the visitor's seq numbering never sees it); idempotent per client id. */
  addNote(input: NewNote): Promise<InternalNote>;
  /** A conversation's notes, oldest first. */
  listNotes(conversationId: string): Promise<InternalNote[]>;

  createAgent(input: { email: string; name: string; role: AgentRole; passwordHash: string; now: number }): Promise<AgentRecord>;
  getAgent(id: string): Promise<AgentRecord | undefined>;
  getAgentByEmail(email: string): Promise<AgentRecord | undefined>;
  updateAgent(id: string, patch: AgentPatch, now: number): Promise<AgentRecord>;
  /** Counts enabled agents (of `role` when given). */
  countAgents(role?: AgentRole): Promise<number>;
  /** Every agent, disabled ones too, with their open-conversation counts, oldest account first. */
  listAgentLoads(): Promise<AgentLoad[]>;
  /**
   * Enabled, online members of a department with their open-conversation counts, least loaded first
   * (ties: the one whose last assignment is oldest). Capacity is not applied: the caller compares.
   */
  listOnlineAgents(department: string): Promise<AgentLoad[]>;

  createInvite(input: Omit<InviteRecord, 'usedAt'>): Promise<InviteRecord>;
  getInvite(tokenHash: string): Promise<InviteRecord | undefined>;
  /**
   * One use, atomically: marks the invite used, creates the agent with its role, and adds them to the
   * invite's department (when it still exists); a refusal changes nothing.
   */
  acceptInvite(input: { tokenHash: string; name: string; passwordHash: string; now: number }): Promise<{ agent: AgentRecord } | { refused: InviteRefusal }>;

  listDepartments(): Promise<DepartmentRecord[]>;
  getDepartment(key: string): Promise<DepartmentRecord | undefined>;
  /** Undefined when the key is taken. */
  createDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord | undefined>;
  /** Inserts the department when missing; never changes an existing one (demo data). */
  ensureDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord>;
  updateDepartment(key: string, patch: { nameZh?: string; nameEn?: string }): Promise<DepartmentRecord | undefined>;
  /** False when it did not exist; its memberships go with it. */
  deleteDepartment(key: string): Promise<boolean>;
  /** False when the department or the agent does not exist; adding a member twice is a no-op. */
  addDepartmentMember(key: string, agentId: string): Promise<boolean>;
  removeDepartmentMember(key: string, agentId: string): Promise<boolean>;

  /** The team's replies and the agent's own, team first, each oldest first. */
  listCannedReplies(agentId: string): Promise<CannedReplyRecord[]>;
  getCannedReply(id: string): Promise<CannedReplyRecord | undefined>;
  countCannedReplies(): Promise<number>;
  createCannedReply(input: { ownerAgentId?: string; shortcut?: string; title: string; text: string; now: number }): Promise<CannedReplyRecord>;
  updateCannedReply(id: string, patch: CannedReplyPatch, now: number): Promise<CannedReplyRecord | undefined>;
  /** False when it did not exist. */
  deleteCannedReply(id: string): Promise<boolean>;

  createSession(input: { tokenHash: string; agentId: string; expiresAt: number; now: number }): Promise<void>;
  /** A session with its agent, whatever its age: the caller applies the expiry policy. */
  getSession(tokenHash: string): Promise<{ session: SessionRecord; agent: AgentRecord } | undefined>;
  /** Records activity on a session (the idle timeout counts from it). */
  touchSession(tokenHash: string, now: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of an agent but `exceptTokenHash` (password change, disabling); returns how many. */
  deleteAgentSessions(agentId: string, exceptTokenHash?: string): Promise<number>;
  /** Deletes sessions past `expiresAt`, and those not seen since `idleSince` when given. */
  deleteExpiredSessions(now: number, idleSince?: number): Promise<number>;

}
