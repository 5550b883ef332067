/**
 * The public status page (/status) and satisfaction after a ticket. A ticket number with the
 * requester's email (or the widget's own visitor token) shows the ticket's public side; any other
 * pair is answered exactly like a number that does not exist. Once a ticket is resolved its
 * requester may rate it 1–5 with a comment within 48 hours. Supervisors read averages per agent,
 * department and tier (and of the chat ratings) from GET /api/ratings/summary.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { PeriodQuerySchema, type PeriodQuery } from './report-schemas.ts';
import { record } from './schemas.ts';
import { TicketNumberSchema, type TicketTier } from './ticket-schemas.ts';
import type { VisitorTicketDetail } from './visitor-ticket-schemas.ts';

/** How long after resolution a ticket may be rated. */
export const TICKET_RATING_WINDOW_MS = 48 * 60 * 60 * 1000;

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControls = v.check((s: string) => !CONTROL_CHARS.test(s), 'control characters are not allowed');

/** The requester's email as typed on the status page (compared case-insensitively). */
export const StatusEmailSchema = v.pipe(
  v.string(),
  noControls,
  v.trim(),
  v.toLowerCase(),
  v.minLength(1, 'email required'),
  v.maxLength(LIMITS.emailChars, 'email too long'),
  v.regex(/^[^\s@]+@[^\s@]+$/, 'invalid email'),
);

/** POST /api/status/lookup: the number with the requester's email; the email may be left out when a visitor token is sent. */
export const StatusLookupSchema = record({ number: TicketNumberSchema, email: v.optional(StatusEmailSchema) });
export type StatusLookupInput = v.InferOutput<typeof StatusLookupSchema>;

/** The information a requester adds: trimmed, not empty. */
export const StatusInfoTextSchema = v.pipe(v.string(), noControls, v.trim(), v.minLength(1, 'empty text'), v.maxLength(LIMITS.messageChars, 'text too long'));

/** POST /api/status/replies: more information from the requester (a public reply on the ticket). */
export const StatusAddInfoSchema = record({ number: TicketNumberSchema, email: v.optional(StatusEmailSchema), text: StatusInfoTextSchema });
export type StatusAddInfoInput = v.InferOutput<typeof StatusAddInfoSchema>;

/** A ticket's satisfaction score, 1 to 5 (the status page and the widget alike). */
export const TicketScoreSchema = v.pipe(v.number(), v.integer(), v.minValue(1, 'score is 1 to 5'), v.maxValue(5, 'score is 1 to 5'));
/** The comment that may come with it. */
export const TicketRatingCommentSchema = v.pipe(v.string(), noControls, v.trim(), v.maxLength(LIMITS.commentChars, 'comment too long'));

/** POST /api/status/rating: 1–5 and an optional comment, once, within 48 h of resolution. */
export const TicketRatingSchema = record({
  number: TicketNumberSchema,
  email: v.optional(StatusEmailSchema),
  score: TicketScoreSchema,
  comment: v.optional(TicketRatingCommentSchema),
});
export type TicketRatingInput = v.InferOutput<typeof TicketRatingSchema>;

/** Where the ticket's satisfaction survey stands for its requester. */
export type TicketSatisfaction =
  /** Resolved less than 48 h ago and not rated yet: the form shows until `until`. */
  | { state: 'offered'; until: number }
  | { state: 'rated'; score: number; comment?: string; at: number }
  /** Not resolved, or the 48 h have passed. */
  | { state: 'none' };

/** What the status page (and the lookup) shows for the right pair. */
export interface PublicTicketStatus extends VisitorTicketDetail {
  satisfaction: TicketSatisfaction;
}

/** GET /api/ratings/summary?from&to: a report period. */
export const RatingSummaryQuerySchema = PeriodQuerySchema;
export type RatingSummaryQuery = PeriodQuery;

/** How many ratings, their average (two decimals; 0 when there are none) and the share of them that gave 4 or 5 (0..1, two decimals). */
export interface RatingAverage {
  count: number;
  average: number;
  satisfied: number;
}

export interface RatingGroups {
  all: RatingAverage;
  /** Agent id null: no agent had it. */
  byAgent: (RatingAverage & { agentId: string | null; name?: string })[];
  byDepartment: (RatingAverage & { department: string | null; name?: { zh: string; en: string } })[];
}

export interface RatingSummary {
  from: number;
  to: number;
  tickets: RatingGroups & { byTier: (RatingAverage & { tier: TicketTier })[] };
  /** The ratings visitors give after a chat, by the agent who had the conversation. */
  chats: RatingGroups;
  /** The newest ratings with a comment (tickets by number, chats by conversation id). */
  comments: { kind: 'ticket' | 'chat'; ref: string; score: number; comment: string; agentId?: string; agentName?: string; at: number }[];
}
