/**
 * Maps PostgreSQL rows to storage records. node-postgres returns BIGINT (and COUNT) as strings so
 * no precision is lost silently; epoch milliseconds fit a double exactly, so they are converted
 * here, checked, in one place. JSONB and BOOLEAN arrive already parsed.
 */
import { PRE_CHAT_OFF, type AgentRole, type Author, type ConversationState, type Lang, type Message, type MessageMeta, type PreChatSettings, type Presence } from '@kefu/shared';
import type { AgentRecord, ConversationRecord, FlowState, SiteRecord, VisitorRecord } from '../storage.ts';

type Nullable<T> = T | null;
/** A BIGINT as node-postgres hands it over. */
type BigIntText = string;

export interface PgSiteRow {
  key: string;
  name: string;
  allowed_origins: string[];
  identity_secret: Nullable<string>;
  identity_required: boolean;
  token_generation: number;
  theme_color: Nullable<string>;
  welcome_text: Nullable<string>;
  suggestions: string[];
  pre_chat: Nullable<PreChatSettings>;
  default_department: Nullable<string>;
  created_at: BigIntText;
}

export interface PgVisitorRow {
  id: string;
  site_key: string;
  name: Nullable<string>;
  email: Nullable<string>;
  phone: Nullable<string>;
  page: Nullable<string>;
  user_id: Nullable<string>;
  identity_verified: boolean;
  created_at: BigIntText;
  last_seen_at: BigIntText;
}

export interface PgConversationRow {
  id: string;
  site_key: string;
  visitor_id: string;
  state: string;
  lang: Nullable<string>;
  department: Nullable<string>;
  priority: number;
  queued_at: Nullable<BigIntText>;
  assigned_agent_id: Nullable<string>;
  assigned_at: Nullable<BigIntText>;
  closed_at: Nullable<BigIntText>;
  rating: Nullable<number>;
  rating_comment: Nullable<string>;
  flow_state: Nullable<FlowState>;
  last_message: Nullable<string>;
  last_seq: number;
  previous_conversation_id: Nullable<string>;
  created_at: BigIntText;
  updated_at: BigIntText;
}

export interface PgMessageRow {
  conversation_id: string;
  seq: number;
  client_id: string;
  author: string;
  author_name: Nullable<string>;
  text: string;
  meta: Nullable<MessageMeta>;
  created_at: BigIntText;
}

export interface PgAgentRow {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  ord?: BigIntText;
  disabled_at: Nullable<BigIntText>;
  presence: string;
  presence_at: BigIntText;
  capacity: number;
  created_at: BigIntText;
  updated_at: BigIntText;
}

/** A BIGINT (or COUNT) as a number; refuses values a double cannot hold exactly rather than rounding them. */
export function toNumber(value: BigIntText | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned ${value}, which is not a safe integer`);
  return n;
}

const optNumber = (v: Nullable<BigIntText>): number | undefined => (v === null ? undefined : toNumber(v));
const opt = <T>(v: Nullable<T>): T | undefined => (v === null ? undefined : v);

/** Drops keys whose value is undefined so records compare cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export const toSite = (r: PgSiteRow): SiteRecord =>
  compact({
    key: r.key,
    name: r.name,
    allowedOrigins: r.allowed_origins,
    identitySecret: opt(r.identity_secret),
    identityRequired: r.identity_required,
    tokenGeneration: r.token_generation,
    themeColor: opt(r.theme_color),
    welcomeText: opt(r.welcome_text),
    suggestions: r.suggestions,
    preChat: r.pre_chat ?? { ...PRE_CHAT_OFF },
    defaultDepartment: opt(r.default_department),
    createdAt: toNumber(r.created_at),
  });

export const toVisitor = (r: PgVisitorRow): VisitorRecord =>
  compact({
    id: r.id,
    siteKey: r.site_key,
    name: opt(r.name),
    email: opt(r.email),
    phone: opt(r.phone),
    page: opt(r.page),
    userId: opt(r.user_id),
    identityVerified: r.identity_verified,
    createdAt: toNumber(r.created_at),
    lastSeenAt: toNumber(r.last_seen_at),
  });

export const toConversation = (r: PgConversationRow): ConversationRecord =>
  compact({
    id: r.id,
    siteKey: r.site_key,
    visitorId: r.visitor_id,
    state: r.state as ConversationState,
    lang: opt(r.lang) as Lang | undefined,
    department: opt(r.department),
    priority: r.priority,
    queuedAt: optNumber(r.queued_at),
    assignedAgentId: opt(r.assigned_agent_id),
    assignedAt: optNumber(r.assigned_at),
    closedAt: optNumber(r.closed_at),
    rating: opt(r.rating),
    ratingComment: opt(r.rating_comment),
    flow: opt(r.flow_state),
    lastMessage: opt(r.last_message),
    lastSeq: r.last_seq,
    previousConversationId: opt(r.previous_conversation_id),
    createdAt: toNumber(r.created_at),
    updatedAt: toNumber(r.updated_at),
  });

export const toMessage = (r: PgMessageRow): Message =>
  compact({
    id: r.client_id,
    conversationId: r.conversation_id,
    seq: r.seq,
    author: r.author as Author,
    authorName: opt(r.author_name),
    text: r.text,
    meta: opt(r.meta),
    createdAt: toNumber(r.created_at),
  });

export const toAgent = (r: PgAgentRow): AgentRecord =>
  compact({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as AgentRole,
    passwordHash: r.password_hash,
    disabledAt: optNumber(r.disabled_at),
    presence: r.presence as Presence,
    presenceAt: toNumber(r.presence_at),
    capacity: r.capacity,
    createdAt: toNumber(r.created_at),
    updatedAt: toNumber(r.updated_at),
  });
