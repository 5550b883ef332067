/** What to re-open after a reconnect so no message is missed: the conversation on screen and every transcript held. */
import type { ConsoleState } from './console-state.ts';
import { contiguousSeq } from '@kefu/shared/client';

/** One `open` request: `afterSeq` only when a transcript is held (otherwise the whole one is fetched). */
export interface ResyncTarget {
  conversationId: string;
  afterSeq?: number;
}

/** Loaded conversations of mine plus the open one, each from the end of its unbroken run of messages. */
export function resyncTargets(state: ConsoleState): ResyncTarget[] {
  const ids = new Set(state.mine.filter((id) => state.conversations[id]?.loaded));
  if (state.openId) ids.add(state.openId);
  return [...ids].map((id) => {
    const view = state.conversations[id];
    return view?.loaded ? { conversationId: id, afterSeq: contiguousSeq(view.messages) } : { conversationId: id };
  });
}
