/** Turns the two best confidences into what the bot does. */
import type { BotDecision } from '@kefu/shared';
import type { Thresholds } from '../types.ts';

/** answer: high, or clearly ahead of the runner-up; suggest: something close; decline: nothing close. */
export function decide(top1: number, top2: number, t: Thresholds): Exclude<BotDecision, 'handoff'> {
  if (top1 >= t.answer || (top1 >= t.marginFloor && top1 - top2 >= t.margin)) return 'answer';
  return top1 >= t.suggest ? 'suggest' : 'decline';
}
