/** Runtime schemas for every inbound payload; the server validates with these before any handler runs. */
import * as v from 'valibot';
import { LANGS } from './domain.ts';
import { LIMITS } from './limits.ts';

const clientId = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.clientIdChars), v.regex(/^[\w-]+$/));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty message'), v.maxLength(LIMITS.messageChars, 'message too long'));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));

export const LangSchema = v.picklist(LANGS);

/** Who the host site says the visitor is (`Kefu('identify', …)`); `signature` is the HMAC when the site requires one. */
export const VisitorIdentitySchema = v.object({
  name: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.nameChars))),
  email: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.emailChars))),
  userId: v.optional(v.pipe(v.string(), v.maxLength(128))),
  signature: v.optional(v.pipe(v.string(), v.maxLength(256))),
});
export type VisitorIdentity = v.InferOutput<typeof VisitorIdentitySchema>;

/** Visitor → server: open (or resume) the visitor's session. */
export const VisitorHelloSchema = v.object({
  /** Token kept by the widget; omitted on first contact. */
  token: v.optional(v.pipe(v.string(), v.maxLength(512))),
  site: v.optional(v.pipe(v.string(), v.maxLength(64))),
  lang: v.optional(LangSchema),
  /** Last sequence number the client holds; the reply carries everything after it. */
  lastSeq: v.optional(seq),
  /** Page the visitor is on, for the agent's context. */
  page: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /** Set after `Kefu('identify', …)`; the server may ignore it (or check `signature`). */
  identity: v.optional(VisitorIdentitySchema),
});
export type VisitorHello = v.InferOutput<typeof VisitorHelloSchema>;

/** Visitor → server: a message typed or a suggestion tapped. */
export const VisitorSendSchema = v.object({
  clientId,
  text,
  /** Set when the visitor tapped a suggestion button: answer that entry directly. */
  entryId: v.optional(id),
});
export type VisitorSend = v.InferOutput<typeof VisitorSendSchema>;

/** Visitor → server: the 转人工客服 button. */
export const HandoffRequestSchema = v.object({ clientId });
export type HandoffRequest = v.InferOutput<typeof HandoffRequestSchema>;

/** Visitor → server: 1–5 rating after an agent closed. */
export const RatingSchema = v.object({
  conversationId: id,
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  comment: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.commentChars))),
});
export type RatingInput = v.InferOutput<typeof RatingSchema>;

/** Either side → server: messages after a sequence number (reconnect replay). */
export const SyncSchema = v.object({ conversationId: v.optional(id), afterSeq: seq });
export type SyncInput = v.InferOutput<typeof SyncSchema>;

/** Agent → server: act on one conversation. */
export const ConversationRefSchema = v.object({ conversationId: id });
export type ConversationRef = v.InferOutput<typeof ConversationRefSchema>;

/** Agent → server: open a conversation and receive messages after `afterSeq`. */
export const OpenConversationSchema = v.object({ conversationId: id, afterSeq: v.optional(seq) });
export type OpenConversation = v.InferOutput<typeof OpenConversationSchema>;

/** Agent → server: a reply. */
export const AgentSendSchema = v.object({ conversationId: id, clientId, text });
export type AgentSend = v.InferOutput<typeof AgentSendSchema>;

/** HTTP: agent sign-in. */
export const LoginSchema = v.object({
  // Not v.email(): the first-start admin is admin@localhost, which has no dot in its domain.
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.emailChars), v.regex(/^[^\s@]+@[^\s@]+$/, 'invalid email')),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passwordChars)),
});
export type LoginInput = v.InferOutput<typeof LoginSchema>;

export { v };
