/**
 * Satisfaction ratings as storage: one rating per resolved ticket (1–5 and an optional comment), kept
 * with the agent, department and tier it was given under, so averages do not move when a ticket is
 * later reassigned; and averages of ticket ratings and of the chat ratings conversations already hold.
 */
import type { TicketTier } from '@kefu/shared';

export interface NewTicketRating {
  ticketId: string;
  /** 1–5. */
  rating: number;
  comment?: string;
  /** The ticket's assignee when it was rated. */
  agentId?: string;
  department?: string;
  tier: TicketTier;
  createdAt: number;
}

export type TicketRatingRecord = NewTicketRating;

/** Ratings of one group: how many, their sum (the average is sum / count) and how many gave 4 or 5. */
export interface RatingBucket {
  /** Agent id, department key or tier; null for ratings without one (no assignee, no department). */
  key: string | null;
  count: number;
  sum: number;
  satisfied: number;
}

/** What counts as satisfied (4 or 5 of 5), as a column of a grouped query; the same SQL on SQLite and PostgreSQL. */
export const SATISFIED_SQL = 'SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS satisfied';

export interface RatingTotals {
  all: { count: number; sum: number; satisfied: number };
  byAgent: RatingBucket[];
  byDepartment: RatingBucket[];
}

/** Ratings given in [from, to): tickets by when they were rated, chats by when they closed. */
export interface RatingSummaryRecord {
  tickets: RatingTotals & { byTier: RatingBucket[] };
  chats: RatingTotals;
}

/** A rating with a comment, for the people who answer to it. */
export interface RatingComment {
  kind: 'ticket' | 'chat';
  /** The ticket's number, or the conversation's id. */
  ref: string;
  rating: number;
  comment: string;
  agentId?: string;
  at: number;
}

export interface RatingStorage {
  /** Stores the ticket's rating; undefined when the ticket has one already (it is left unchanged). */
  rateTicket(input: NewTicketRating): Promise<TicketRatingRecord | undefined>;
  getTicketRating(ticketId: string): Promise<TicketRatingRecord | undefined>;
  /** Counts and sums of ratings in [from, to), overall and per agent, department (and tier, for tickets). */
  ratingSummary(from: number, to: number): Promise<RatingSummaryRecord>;
  /** Ratings in [from, to) that carry a comment, newest first, at most `limit`. */
  listRatingComments(from: number, to: number, limit: number): Promise<RatingComment[]>;
}
