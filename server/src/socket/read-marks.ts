/**
 * How far the assigned agent has read each conversation, for the visitor's 已读 / Read. Kept in this
 * process's memory only (bounded): a restart forgets it until the agent's console marks the
 * conversation again (it does on every reconnect), and the widget also counts any agent reply as
 * read up to it. Live marks reach the visitor on every node through the rooms.
 */
import type { KefuContext } from '../context.ts';

/** Enough for every open conversation of a large desk; the oldest marks go first. */
const MAX_MARKS = 50_000;

export interface ReadMarks {
  get(conversationId: string): number | undefined;
  /** Raises the mark to `seq`; returns the mark now held and whether it moved. */
  raise(conversationId: string, seq: number): { seq: number; moved: boolean };
}

export function createReadMarks(max = MAX_MARKS): ReadMarks {
  const marks = new Map<string, number>();
  return {
    get: (conversationId) => marks.get(conversationId),
    raise(conversationId, seq) {
      const held = marks.get(conversationId);
      if (held !== undefined && held >= seq) return { seq: held, moved: false };
      // Re-inserted, so the map's order is oldest-updated first.
      marks.delete(conversationId);
      marks.set(conversationId, seq);
      if (marks.size > max) marks.delete(marks.keys().next().value as string);
      return { seq, moved: true };
    },
  };
}

const perServer = new WeakMap<KefuContext, ReadMarks>();

/** One store per server (tests run several servers in one process). */
export function readMarksOf(ctx: KefuContext): ReadMarks {
  let marks = perServer.get(ctx);
  if (!marks) perServer.set(ctx, (marks = createReadMarks()));
  return marks;
}
