/** Merges transcript pieces (replays, pushes, acks) into one list: one entry per id, ordered by seq. */
import type { Message } from '@kefu/shared';

/** Returns a new list holding `current` and `incoming`, de-duplicated by id (the later copy wins) and sorted by seq. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const byId = new Map<string, Message>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The last seq of the unbroken run that starts at the first message held, i.e. what to pass as
 * `afterSeq` so a replay fills any gap left by pushes missed while offline. 0 when nothing is held.
 */
export function contiguousSeq(messages: readonly Message[]): number {
  const first = messages[0];
  if (!first) return 0;
  let last = first.seq;
  for (const m of messages) {
    if (m.seq > last + 1) break;
    if (m.seq > last) last = m.seq;
  }
  return last;
}
