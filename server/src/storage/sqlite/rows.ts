/** Maps SQLite rows (snake_case, NULLs, JSON text) to storage records. */
import { PRE_CHAT_OFF, type AgentRole, type Author, type ConversationState, type Lang, type Message, type MessageMeta, type PreChatSettings, type Presence } from '@kefu/shared';
import type { AgentRecord, ConversationRecord, DepartmentRecord, FlowState, InviteRecord, SiteRecord, VisitorRecord } from '../storage.ts';

type Nullable<T> = T | null;

export interface SiteRow {
  key: string;
  name: string;
  allowed_origins: string;
  identity_secret: Nullable<string>;
  identity_required: number;
  token_generation: number;
  theme_color: Nullable<string>;
  welcome_text: Nullable<string>;
  suggestions: string;
  pre_chat: Nullable<string>;
  default_department: Nullable<string>;
  created_at: number;
}

export interface VisitorRow {
  id: string;
  site_key: string;
  name: Nullable<string>;
  email: Nullable<string>;
  phone: Nullable<string>;
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
  previous_conversation_id: Nullable<string>;
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
  disabled_at: Nullable<number>;
  presence: string;
  presence_at: number;
  capacity: number;
  created_at: number;
  updated_at: number;
}

export interface InviteRow {
  token_hash: string;
  email: string;
  role: string;
  department: Nullable<string>;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: Nullable<number>;
}

export interface DepartmentRow {
  key: string;
  name_zh: string;
  name_en: string;
  created_at: number;
  /** Comma-joined agent ids (group_concat); ids are UUIDs, so no comma inside one. */
  members: Nullable<string>;
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
    themeColor: opt(r.theme_color),
    welcomeText: opt(r.welcome_text),
    suggestions: JSON.parse(r.suggestions) as string[],
    preChat: r.pre_chat === null ? { ...PRE_CHAT_OFF } : (JSON.parse(r.pre_chat) as PreChatSettings),
    defaultDepartment: opt(r.default_department),
    createdAt: r.created_at,
  });

export const toVisitor = (r: VisitorRow): VisitorRecord =>
  compact({
    id: r.id,
    siteKey: r.site_key,
    name: opt(r.name),
    email: opt(r.email),
    phone: opt(r.phone),
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
    previousConversationId: opt(r.previous_conversation_id),
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

export const toAgent = (r: AgentRow): AgentRecord =>
  compact({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as AgentRole,
    passwordHash: r.password_hash,
    disabledAt: opt(r.disabled_at),
    presence: r.presence as Presence,
    presenceAt: r.presence_at,
    capacity: r.capacity,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

export const toInvite = (r: InviteRow): InviteRecord =>
  compact({
    tokenHash: r.token_hash,
    email: r.email,
    role: r.role as AgentRole,
    department: opt(r.department),
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: opt(r.used_at),
  });

export const toDepartment = (r: DepartmentRow): DepartmentRecord => ({
  key: r.key,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  createdAt: r.created_at,
  members: r.members ? r.members.split(',') : [],
});
