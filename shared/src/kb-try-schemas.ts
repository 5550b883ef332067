/** The bot tester (知识库 → 试一试): a question an agent types, and how the bot reads it, without any conversation. */
import * as v from 'valibot';
import type { BotDecision, Lang } from './domain.ts';
import { LangSchema, MessageTextSchema, record } from './schemas.ts';

/** Agent → server: a question as a visitor would type it; `lang` as the widget would send it (detected when absent). */
export const KbTrySchema = record({ text: MessageTextSchema, lang: v.optional(LangSchema) });
export type KbTryInput = v.InferOutput<typeof KbTrySchema>;

/** One entry the matcher weighed, with its 0–1 confidence. */
export interface KbTryCandidate {
  id: string;
  question: string;
  score: number;
  /** The entry's own answer bar, when a reload gave it one (it answers only from this score, and is not suggested below it). */
  bar?: number;
}

/** Server → console: what the bot would do with the question in a new conversation. */
export interface KbTryResult {
  /**
   * The FAQ decision, or what the bot does before any matching: `small_talk` (a greeting, thanks or goodbye gets a
   * friendly line) and `complaint` (the widget opens the complaint or suggestion form).
   */
  reading: BotDecision | 'small_talk' | 'complaint';
  /** The language the bot would answer in. */
  lang: Lang;
  /** The entry answered with, when `reading` is `answer`. */
  entry?: { id: string; question: string; answer: string };
  /** The best candidates, best first (at most 5); empty when the matcher had no say. */
  candidates: KbTryCandidate[];
  /** Words of the question about things the knowledge base never mentions (黄金, 创始人 …), and the factor every candidate's score was multiplied by. */
  offTopic?: { words: string[]; factor: number };
  /** The bars in use: an answer needs `answer`, or `marginFloor` and a lead of `margin` over the runner-up; a "did you mean" needs `suggest`. */
  thresholds: { answer: number; margin: number; marginFloor: number; suggest: number };
}
