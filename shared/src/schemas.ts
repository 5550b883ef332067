/** Runtime schemas for every inbound payload; the server validates with these before any handler runs. */
import * as v from 'valibot';
import { LANGS } from './domain.ts';
import { LIMITS } from './limits.ts';
import { PreChatAnswersSchema } from './site-schemas.ts';

/** NUL and the other C0 controls (tab, newline and carriage return aside) have no place in any text field. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControls = v.check((s: string) => !CONTROL_CHARS.test(s), 'control characters are not allowed');
/** A bounded string without control characters. */
const plain = (max: number) => v.pipe(v.string(), noControls, v.maxLength(max));
/** Like `v.object`, but an array is not an object here (valibot's object accepts arrays). */
export function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'expected an object'), v.object(entries));
}

const clientId = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.clientIdChars), v.regex(/^[\w-]+$/));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w.:-]+$/));
const text = v.pipe(v.string(), noControls, v.trim(), v.minLength(1, 'empty message'), v.maxLength(LIMITS.messageChars, 'message too long'));
/** A visitor message's text as the server accepts it (trimmed, 1 to LIMITS.messageChars characters, no control characters). */
export const MessageTextSchema = text;
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));

export const LangSchema = v.picklist(LANGS);

/**
 * Who the host site says the visitor is (`Kefu('identify', …)`). Signed by the site's backend with
 * its identity secret: `signature` = hex HMAC-SHA256(userId), or `jwt` = an HS256 JWT whose `sub`
 * is the user id (optional `name`/`email` claims, `exp` required). Unsigned, it is only a hint.
 */
export const VisitorIdentitySchema = record({
  name: v.optional(plain(LIMITS.nameChars)),
  email: v.optional(plain(LIMITS.emailChars)),
  userId: v.optional(plain(128)),
  signature: v.optional(plain(256)),
  jwt: v.optional(v.pipe(plain(4096), v.regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'jwt must be three base64url parts'))),
});
export type VisitorIdentity = v.InferOutput<typeof VisitorIdentitySchema>;

/** Visitor → server: open (or resume) the visitor's session. */
export const VisitorHelloSchema = record({
  /** Token kept by the widget; omitted on first contact. */
  token: v.optional(plain(512)),
  site: v.optional(plain(64)),
  lang: v.optional(LangSchema),
  /** Last sequence number the client holds; the reply carries everything after it. */
  lastSeq: v.optional(seq),
  /** Page the visitor is on, for the agent's context. */
  page: v.optional(plain(2048)),
  /** Set after `Kefu('identify', …)`; the server may ignore it (or check `signature`). */
  identity: v.optional(VisitorIdentitySchema),
});
export type VisitorHello = v.InferOutput<typeof VisitorHelloSchema>;

/** Visitor → server: a message typed or a suggestion tapped. */
export const VisitorSendSchema = record({
  clientId,
  text,
  /** Set when the visitor tapped a suggestion button: answer that entry directly. */
  entryId: v.optional(id),
});
export type VisitorSend = v.InferOutput<typeof VisitorSendSchema>;

/** Visitor → server: the 转人工客服 button. */
export const HandoffRequestSchema = record({
  clientId,
  /** The pre-chat form's answers, when the site asks for them (see PublicSiteSettings.preChat). */
  preChat: v.optional(PreChatAnswersSchema),
});
export type HandoffRequest = v.InferOutput<typeof HandoffRequestSchema>;

/** Visitor → server: stop waiting for a human (the button, or 算了 / 不用了 / cancel typed while queued). */
export const LeaveQueueSchema = record({ conversationId: id });
export type LeaveQueueInput = v.InferOutput<typeof LeaveQueueSchema>;

/** Visitor → server: 1–5 rating after an agent closed. */
export const RatingSchema = record({
  conversationId: id,
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  comment: v.optional(plain(LIMITS.commentChars)),
});
export type RatingInput = v.InferOutput<typeof RatingSchema>;

/** Either side → server: messages after a sequence number (reconnect replay). */
export const SyncSchema = record({ conversationId: v.optional(id), afterSeq: seq });
export type SyncInput = v.InferOutput<typeof SyncSchema>;

/** Either side → server: the page of messages just before `beforeSeq` (scrolling back through a long conversation). */
export const HistorySchema = record({ conversationId: v.optional(id), beforeSeq: v.pipe(seq, v.minValue(1)) });
export type HistoryInput = v.InferOutput<typeof HistorySchema>;
/** Agent → server: the same, for one conversation. */
export const AgentHistorySchema = record({ conversationId: id, beforeSeq: v.pipe(seq, v.minValue(1)) });
export type AgentHistoryInput = v.InferOutput<typeof AgentHistorySchema>;

/** Agent → server: act on one conversation. */
export const ConversationRefSchema = record({ conversationId: id });
export type ConversationRef = v.InferOutput<typeof ConversationRefSchema>;

/** Agent → server: open a conversation and receive messages after `afterSeq`. */
export const OpenConversationSchema = record({ conversationId: id, afterSeq: v.optional(seq) });
export type OpenConversation = v.InferOutput<typeof OpenConversationSchema>;

/** Agent → server: a reply. */
export const AgentSendSchema = record({ conversationId: id, clientId, text });
export type AgentSend = v.InferOutput<typeof AgentSendSchema>;

/** Either side → server: the sender started (`true`) or stopped (`false`) typing in a conversation; relayed, never stored. */
export const TypingSchema = record({ conversationId: id, typing: v.boolean() });
export type TypingInput = v.InferOutput<typeof TypingSchema>;

/** Agent → server: the agent has read the conversation up to `seq` (it was on screen). */
export const ReadSchema = record({ conversationId: id, seq });
export type ReadInput = v.InferOutput<typeof ReadSchema>;

/** Agent → server: an internal note on a conversation (agents only, never the visitor). */
export const NoteSchema = record({ conversationId: id, clientId, text });
export type NoteInput = v.InferOutput<typeof NoteSchema>;

const departmentKey = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/));

/** Agent → server: hand the conversation to another agent or to a department, with an optional note for the receiver. */
export const TransferSchema = record({
  conversationId: id,
  to: v.union([record({ agentId: id }), record({ department: departmentKey })], 'to must be { agentId } or { department }'),
  note: v.optional(v.pipe(v.string(), noControls, v.trim(), v.maxLength(LIMITS.messageChars, 'note too long'))),
});
export type TransferInput = v.InferOutput<typeof TransferSchema>;

/** Agent → server (supervisors, admins): give a queued or assigned conversation to a named agent. */
export const AssignSchema = record({ conversationId: id, agentId: id });
export type AssignInput = v.InferOutput<typeof AssignSchema>;

/** HTTP: agent sign-in. */
export const LoginSchema = record({
  // Not v.email(): the first-start admin is admin@localhost, which has no dot in its domain.
  email: v.pipe(plain(LIMITS.emailChars), v.trim(), v.toLowerCase(), v.regex(/^[^\s@]+@[^\s@]+$/, 'invalid email')),
  password: v.pipe(plain(LIMITS.passwordChars), v.minLength(1)),
});
export type LoginInput = v.InferOutput<typeof LoginSchema>;

export { v };
