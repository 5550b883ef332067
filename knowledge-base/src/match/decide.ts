/** Turns the two best confidences into what the bot does. */
import type { BotDecision } from '@kefu/shared';
import type { Thresholds } from '../types.ts';

/**
 * answer: high, or clearly ahead of the runner-up; suggest: something close; decline: nothing close. A bare keyword
 * names a topic that several entries share, so it is answered only when one entry clearly leads.
 */
export function decide(top1: number, top2: number, t: Thresholds, bare = false): Exclude<BotDecision, 'handoff'> {
  const leads = top1 >= t.marginFloor && top1 - top2 >= t.margin;
  if (leads || (!bare && top1 >= t.answer)) return 'answer';
  return top1 >= t.suggest ? 'suggest' : 'decline';
}
