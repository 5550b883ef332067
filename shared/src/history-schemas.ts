/** 历史 / History: the search over closed conversations (GET /api/conversations/history) and what it answers. */
import * as v from 'valibot';
import { LANGS, type Lang } from './domain.ts';
import { record } from './schemas.ts';

/** The most conversations one page of results holds. */
export const HISTORY_PAGE_MAX = 50;
export const HISTORY_PAGE_DEFAULT = 20;

const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;
/** A search term: one line, trimmed; an empty one means "no filter". */
const term = (max: number) =>
  v.pipe(
    v.string(),
    v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'),
    v.trim(),
    v.maxLength(max),
    v.transform((s) => s || undefined),
  );
/** Epoch milliseconds, as a query string carries them. */
const epochMs = v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'expected epoch milliseconds'), v.transform(Number));
/** Where the previous page stopped: `<closedAt>_<conversation id>`, opaque to clients. */
const cursor = v.pipe(
  v.string(),
  v.regex(/^\d{1,15}_[\w.:-]{1,64}$/, 'malformed cursor'),
  v.transform((s) => {
    const at = s.indexOf('_');
    return { closedAt: Number(s.slice(0, at)), id: s.slice(at + 1) };
  }),
);

/** The filters of the history search and its export; every one is optional and they combine with AND. */
const filters = {
  /** Part of the visitor's name, email or user id, or their whole visitor id. */
  visitor: v.optional(term(128)),
  /** Part of any message of the conversation (Chinese or not). */
  text: v.optional(term(200)),
  /** Closed at or after (epoch ms); the console sends the start of the agent's local day. */
  from: v.optional(epochMs),
  /** Closed before (epoch ms); the console sends the start of the day after the last day picked. */
  to: v.optional(epochMs),
  /** The agent who had the conversation when it closed. */
  agent: v.optional(v.pipe(v.string(), v.regex(/^[\w.:-]{1,64}$/, 'malformed agent id'))),
};

/** The query string of GET /api/conversations/history. */
export const HistorySearchSchema = record({
  ...filters,
  cursor: v.optional(cursor),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,2}$/, 'expected a number'), v.transform(Number), v.minValue(1), v.maxValue(HISTORY_PAGE_MAX))),
});
export type HistorySearch = v.InferOutput<typeof HistorySearchSchema>;

/** The query string of GET /api/conversations/history/export.csv: the search's filters and the language of the column names. */
export const HistoryExportSchema = record({
  ...filters,
  lang: v.optional(v.picklist(LANGS)),
});
export type HistoryExport = v.InferOutput<typeof HistoryExportSchema>;

/** The most conversations one export holds (newest closed first); `X-Kefu-Truncated: true` says more matched. */
export const HISTORY_EXPORT_MAX = 10_000;

/** One closed conversation in the results. */
export interface HistoryEntry {
  id: string;
  visitorId: string;
  /** The name the visitor gave, else 访客 ABCD / Visitor ABCD. */
  visitorName: string;
  identity?: { name?: string; email?: string; userId?: string; verified: boolean };
  agentId?: string;
  agentName?: string;
  department?: string;
  lang: Lang;
  createdAt: number;
  closedAt: number;
  /** The visitor's first own words in it. */
  firstQuestion?: string;
  rating?: number;
  ratingComment?: string;
  /** The closed conversation this one continues. */
  previousConversationId?: string;
}

/** Newest closed first; `nextCursor` fetches the page after this one (absent on the last page). */
export interface HistorySearchResult {
  conversations: HistoryEntry[];
  nextCursor?: string;
}

/** The cursor that continues after `entry`. */
export const historyCursor = (entry: Pick<HistoryEntry, 'closedAt' | 'id'>): string => `${entry.closedAt}_${entry.id}`;
