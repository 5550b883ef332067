/**
 * When the bot offers a human: on the second miss in a row, once until the visitor gets an answer.
 *
 * A miss is a decline, or a "did you mean" the visitor ignored (their next message was typed, not a
 * tapped suggestion; a tap is answered directly and ends the run). A "did you mean" being posted now
 * is not a miss yet: the visitor may still tap. Small talk (你好, 谢谢) neither counts nor ends the run;
 * an answer, a handoff, or anything an agent or the system said ends it.
 *
 * The count is read back from the meta of the conversation's latest messages, so it needs no column and
 * survives restarts and other nodes.
 */
import type { Message } from '@kefu/shared';

/** How far back the run is read; a run longer than this may be offered a human once more. */
export const HISTORY_LIMIT = 20;

/** What the messages before this turn say about the run of misses. */
export interface MissRun {
  misses: number;
  /** A human was already offered during this run. */
  offered: boolean;
}

/** `history`: the conversation's latest messages, oldest first (visitor messages are skipped). */
export function missRun(history: readonly Message[]): MissRun {
  let misses = 0;
  let offered = false;
  for (let i = history.length - 1; i >= 0; i--) {
    const message = history[i] as Message;
    if (message.author === 'visitor') continue;
    if (message.author !== 'bot') break;
    const meta = message.meta;
    if (meta?.smalltalk) continue;
    const decision = meta?.decision;
    // A flow's prompts carry no decision: they follow an answer that started the flow.
    if (decision === undefined) continue;
    if (decision !== 'decline' && decision !== 'suggest') break;
    misses++;
    if (meta?.offerHuman) offered = true;
  }
  return { misses, offered };
}

/** Whether this turn's reply offers a human; `decision` is what the bot is about to post. */
export function offersHuman(run: MissRun, decision: 'decline' | 'suggest'): boolean {
  const misses = run.misses + (decision === 'decline' ? 1 : 0);
  return misses >= 2 && !run.offered;
}
