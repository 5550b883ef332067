/** Maps SQLite rows (snake_case, NULLs, JSON text) to storage records. */
import type { AgentRole, Author, ConversationState, Lang, Message, MessageMeta } from '@kefu/shared';
import type { AgentRecord, ConversationRecord, FlowState, SiteRecord, TicketRecord, TicketStatus, VisitorRecord } from '../storage.ts';

type Nullable<T> = T | null;

export interface SiteRow {
  key: string;
  name: string;
  allowed_origins: string;
  identity_secret: Nullable<string>;
  identity_required: number;
  token_generation: number;
  created_at: number;
}

export interface VisitorRow {
  id: string;
  site_key: string;
  name: Nullable<string>;
  email: Nullable<string>;
  page: Nullable<string>;
  user_id: Nullable<string>;
  identity_verified: number;
  created_at: number;
  last_seen_at: number;
}

export interface ConversationRow {
  id: string;
  site_key: string;
  visitor_id: string;
  state: string;
  lang: Nullable<string>;
  department: Nullable<string>;
  priority: number;
  queued_at: Nullable<number>;
  assigned_agent_id: Nullable<string>;
  assigned_at: Nullable<number>;
  closed_at: Nullable<number>;
  rating: Nullable<number>;
  rating_comment: Nullable<string>;
  flow_state: Nullable<string>;
  last_message: Nullable<string>;
  last_seq: number;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  conversation_id: string;
  seq: number;
  client_id: string;
  author: string;
  author_name: Nullable<string>;
  text: string;
  meta: Nullable<string>;
  created_at: number;
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface TicketRow {
  id: string;
  number: string;
  conversation_id: Nullable<string>;
  visitor_id: Nullable<string>;
  status: string;
  contact: Nullable<string>;
  description: Nullable<string>;
  created_at: number;
  updated_at: number;
}

/** Drops keys whose value is undefined so records compare cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const opt = <T>(v: Nullable<T>): T | undefined => (v === null ? undefined : v);

export const toSite = (r: SiteRow): SiteRecord =>
  compact({
    key: r.key,
    name: r.name,
    allowedOrigins: JSON.parse(r.allowed_origins) as string[],
    identitySecret: opt(r.identity_secret),
    identityRequired: r.identity_required === 1,
    tokenGeneration: r.token_generation,
    createdAt: r.created_at,
  });

export const toVisitor = (r: VisitorRow): VisitorRecord =>
  compact({
    id: r.id,
    siteKey: r.site_key,
    name: opt(r.name),
    email: opt(r.email),
    page: opt(r.page),
    userId: opt(r.user_id),
    identityVerified: r.identity_verified === 1,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  });

export const toConversation = (r: ConversationRow): ConversationRecord =>
  compact({
    id: r.id,
    siteKey: r.site_key,
    visitorId: r.visitor_id,
    state: r.state as ConversationState,
    lang: opt(r.lang) as Lang | undefined,
    department: opt(r.department),
    priority: r.priority,
    queuedAt: opt(r.queued_at),
    assignedAgentId: opt(r.assigned_agent_id),
    assignedAt: opt(r.assigned_at),
    closedAt: opt(r.closed_at),
    rating: opt(r.rating),
    ratingComment: opt(r.rating_comment),
    flow: r.flow_state === null ? undefined : (JSON.parse(r.flow_state) as FlowState),
    lastMessage: opt(r.last_message),
    lastSeq: r.last_seq,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

export const toMessage = (r: MessageRow): Message =>
  compact({
    id: r.client_id,
    conversationId: r.conversation_id,
    seq: r.seq,
    author: r.author as Author,
    authorName: opt(r.author_name),
    text: r.text,
    meta: r.meta === null ? undefined : (JSON.parse(r.meta) as MessageMeta),
    createdAt: r.created_at,
  });

export const toAgent = (r: AgentRow): AgentRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as AgentRole,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toTicket = (r: TicketRow): TicketRecord =>
  compact({
    id: r.id,
    number: r.number,
    conversationId: opt(r.conversation_id),
    visitorId: opt(r.visitor_id),
    status: r.status as TicketStatus,
    contact: opt(r.contact),
    description: opt(r.description),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
