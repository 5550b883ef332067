/** Canned replies: the HTTP bodies that create and change them, and what the server answers. */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { record } from './schemas.ts';

const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/;
/** A single line: no control characters at all. */
const LINE_CONTROLS = /[\u0000-\u001F\u007F]/;
const title = v.pipe(v.string(), v.check((s) => !LINE_CONTROLS.test(s), 'control characters are not allowed'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80));
const shortcut = v.pipe(v.string(), v.trim(), v.regex(/^[^\s/]{1,32}$/u, 'a shortcut is 1–32 characters without spaces or /'));
/** The reply itself: line breaks allowed, as long as a message may be. */
const text = v.pipe(v.string(), v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.messageChars, 'longer than a message may be'));

/** Agent → server: a new reply; `team: true` (supervisors and admins only) makes it the whole team's. */
export const CannedReplyCreateSchema = record({ title, text, shortcut: v.optional(shortcut), team: v.optional(v.boolean()) });
export type CannedReplyCreateInput = v.InferOutput<typeof CannedReplyCreateSchema>;

/** Agent → server: change a reply; `shortcut: null` removes the shortcut. */
export const CannedReplyPatchSchema = record({ title: v.optional(title), text: v.optional(text), shortcut: v.optional(v.nullable(shortcut)) });
export type CannedReplyPatchInput = v.InferOutput<typeof CannedReplyPatchSchema>;

/** Server → console: a reply as listed. */
export interface CannedReplyView {
  id: string;
  /** True for the team's, false for the agent's own. */
  team: boolean;
  shortcut?: string;
  title: string;
  text: string;
  updatedAt: number;
}

/** Server → console: a knowledge-base entry in one language, for inserting its answer. */
export interface KbEntryView {
  id: string;
  question: string;
  answer: string;
  /** Its own answer bar, when a reload gave it one (see `KbTryCandidate.bar`). */
  bar?: number;
}
