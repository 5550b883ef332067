/**
 * The visitor's side of tickets, on /visitor: 我的工单 (their own tickets, a lookup by number, more
 * information added), the complaint / suggestion form, and the push when an agent answers. A visitor
 * reaches only tickets they created; any other number answers `not_found`, like one that does not exist.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { record } from './schemas.ts';
import type { Attachment } from './domain.ts';
import { TicketNumberSchema, TicketReplyFilesSchema, type TicketClockName, type TicketKind, type TicketStatus, type TicketTier } from './ticket-schemas.ts';
import { TicketRatingCommentSchema, TicketScoreSchema, type TicketSatisfaction } from './ticket-status-schemas.ts';

/** One public entry of a ticket's thread as its customer sees it (no notes, no assignments, no alerts). */
export interface VisitorTicketReply {
  /** `agent`: the service's answer; `customer`: what the visitor added (or the description, first). */
  author: 'agent' | 'customer';
  /** The agent's display name. */
  name?: string;
  text: string;
  /** Files that came with it. */
  files?: VisitorTicketFile[];
  createdAt: number;
}

/**
 * A file of the ticket as its customer sees it: from the conversation the ticket was made from, or
 * sent with a public reply. `url` (relative to the server) opens it for a short while without
 * credentials; the status page shows names only and carries none.
 */
export interface VisitorTicketFile extends Attachment {
  origin: 'conversation' | 'ticket';
  author: 'customer' | 'agent';
  createdAt: number;
  url?: string;
}

/** One promise of the ticket's timeline: due by `dueAt`, expected from `targetAt` for a range (3–5 个工作日). */
export interface VisitorTicketClock {
  clock: TicketClockName;
  dueAt?: number;
  targetAt?: number;
  met: boolean;
}

/** A ticket as its customer sees it in 我的工单. */
export interface VisitorTicket {
  number: string;
  title: string;
  kind: TicketKind;
  tier: TicketTier;
  status: TicketStatus;
  /** Who has it now: the agent's name (absent while nobody has taken it)… */
  owner?: string;
  /** …and the department it is with (投诉与建议 for complaints), in both languages. */
  department?: { zh: string; en: string };
  /** The soonest promise still running. */
  nextDueAt?: number;
  clocks: VisitorTicketClock[];
  createdAt: number;
  updatedAt: number;
  /** The newest agent reply (the unread badge compares it with the last look). */
  lastReplyAt?: number;
}

/** A ticket with its public thread (the lookup, a complaint's confirmation, information added). */
export interface VisitorTicketDetail {
  ticket: VisitorTicket;
  replies: VisitorTicketReply[];
  /** Every public file of the ticket, oldest first (the source conversation's and those sent with replies). */
  files?: VisitorTicketFile[];
  /** Where the satisfaction survey stands (`offered` for 48 h after resolution, `rated`, `none`); absent: `none`. */
  satisfaction?: TicketSatisfaction;
}

/** The complaint's confirmation: number, tier and the response promise (SLA table), with the whole ticket. */
export interface ComplaintConfirmation extends VisitorTicketDetail {
  /** The first promise's clock: `response` (投诉: 24 小时内), or `acceptance` for a suggestion (1 个工作日内). */
  responseClock: TicketClockName;
  /** When it is due. */
  responseDueAt: number;
  /** The promise as the SLA table words it. */
  responseWithin: { amount: number; unit: 'minutes' | 'hours' | 'workingDays' };
}

/** Pushed to the visitor's tabs when an agent answers one of their tickets publicly (and after hello, when any has). */
export interface TicketReplyPush {
  /** Absent after hello: only the newest answer's time. */
  number?: string;
  at: number;
}

/** The complaint form the bot's reply opens (MessageMeta.complaint): what was typed and the tier it suggests. */
export interface ComplaintPrompt {
  kind: 'complaint' | 'suggestion';
  tier: TicketTier;
  /** What the visitor typed, without the "我要投诉" itself. */
  text: string;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControls = v.check((s: string) => !CONTROL_CHARS.test(s), 'control characters are not allowed');
const text = (max: number, empty: string) => v.pipe(v.string(), noControls, v.trim(), v.minLength(1, empty), v.maxLength(max, 'text too long'));

/** The longest "what happened" a complaint takes. */
export const COMPLAINT_TEXT_MAX = 2000;
/** An email or a phone number: some letters, digits and + - . @ _ ( ) and spaces. */
export const COMPLAINT_CONTACT_PATTERN = /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?[\d\s()-]{5,20})$/;

export const MyTicketsSchema = record({});
export type MyTicketsInput = v.InferOutput<typeof MyTicketsSchema>;

/** 查询工单: one of the visitor's tickets by number. */
export const TicketLookupSchema = record({ number: TicketNumberSchema });
export type TicketLookupInput = v.InferOutput<typeof TicketLookupSchema>;

/** 补充信息: a public reply from the customer on their own ticket: text, files uploaded first (POST /api/ticket-files/:number), or both. */
export const TicketAddInfoSchema = v.pipe(
  record({
    number: TicketNumberSchema,
    text: v.optional(v.pipe(v.string(), noControls, v.trim(), v.maxLength(LIMITS.messageChars, 'text too long'))),
    files: v.optional(TicketReplyFilesSchema),
  }),
  v.check((r) => !!r.text || !!r.files?.length, 'empty text'),
);
export type TicketAddInfoInput = v.InferOutput<typeof TicketAddInfoSchema>;

/** The tier the text suggests (the form proposes it; the visitor may change it). */
export const ProposeTierSchema = record({ text: v.pipe(v.string(), v.maxLength(COMPLAINT_TEXT_MAX)) });
export type ProposeTierInput = v.InferOutput<typeof ProposeTierSchema>;

/** 投诉 / 建议: what happened, a contact, an optional order or ticket number, the tier the visitor confirmed, 重大. */
export const ComplaintSchema = record({
  kind: v.picklist(['complaint', 'suggestion']),
  text: text(COMPLAINT_TEXT_MAX, 'empty text'),
  contact: v.pipe(v.string(), v.trim(), v.maxLength(120), v.regex(COMPLAINT_CONTACT_PATTERN, 'malformed contact')),
  reference: v.optional(v.pipe(v.string(), noControls, v.trim(), v.maxLength(64), v.regex(/^[\w-]*$/, 'malformed order or ticket number'))),
  tier: v.picklist(['urgent', 'severe', 'normal']),
  major: v.optional(v.boolean()),
});
export type ComplaintInput = v.InferOutput<typeof ComplaintSchema>;

/** 评价: the visitor rates their own resolved ticket 1–5 with an optional comment, once, within 48 h (as on the status page). */
export const TicketRateSchema = record({ number: TicketNumberSchema, score: TicketScoreSchema, comment: v.optional(TicketRatingCommentSchema) });
export type TicketRateInput = v.InferOutput<typeof TicketRateSchema>;
