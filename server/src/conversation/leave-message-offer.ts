/** The "leave a message" choice a bot message offers (out of hours, nobody present, a long wait in the queue). */
import type { Lang, Suggestion } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { suggestionsFor } from '../bot/localize.ts';

/** The flow id a knowledge base gives its leave-a-message entry (the demo's does). */
export const LEAVE_MESSAGE_FLOW = 'leave-message';

/** The knowledge base's own leave-a-message entry as a button (its flow collects contact and problem, then makes the ticket); none when it has no such entry. */
export function leaveMessageSuggestions(ctx: KefuContext, lang: Lang): Suggestion[] {
  const loaded = ctx.kb.current();
  const entry = loaded?.kb.entries.find((e) => e.flow === LEAVE_MESSAGE_FLOW);
  return loaded && entry ? suggestionsFor([entry.id], loaded.matcher, lang) : [];
}

/** True when `entryId` is that entry (a tap on the button). */
export function isLeaveMessageEntry(ctx: KefuContext, entryId: string): boolean {
  return ctx.kb.current()?.kb.entries.find((e) => e.id === entryId)?.flow === LEAVE_MESSAGE_FLOW;
}
