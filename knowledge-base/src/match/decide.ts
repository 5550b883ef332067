/** Turns the two best confidences into what the bot does. */
import type { BotDecision } from '@kefu/shared';
import type { Thresholds } from '../types.ts';

/**
 * answer: high, or clearly ahead of the runner-up; suggest: something close; decline: nothing close. A bare keyword
 * names a topic that several entries share, so it is answered only when one entry clearly leads. `entryBar`: the
 * best entry's own bar (`Calibration.entryBars`): below it, its score is what small talk gets from it, so it is
 * neither answered nor suggested.
 */
export function decide(top1: number, top2: number, t: Thresholds, bare = false, entryBar = 0): Exclude<BotDecision, 'handoff'> {
  if (top1 < entryBar) return 'decline';
  const leads = top1 >= t.marginFloor && top1 - top2 >= t.margin;
  if (leads || (!bare && top1 >= t.answer)) return 'answer';
  return top1 >= t.suggest ? 'suggest' : 'decline';
}

/** An entry's own bar (0 when it has none). Own-property only: an id such as "constructor" is an id, not a lookup. */
export const entryBarOf = (bars: Record<string, number> | undefined, id: string | null | undefined): number =>
  bars !== undefined && id != null && Object.hasOwn(bars, id) ? bars[id]! : 0;
