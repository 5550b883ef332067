/** Keeps a transcript consistent in both clients: one copy per id, server order by seq, unsent messages last. */
import type { Message } from '../domain.ts';

/** A transcript entry: a stored message, or a visitor message still on its way (seq 0). */
export interface ChatMessage extends Message {
  /** Sent optimistically, not yet acknowledged. */
  pending?: boolean;
  /** The server refused it (error code); the visitor can retry. */
  failed?: string;
}

/**
 * Merges transcript pieces (replays, pushes, acks) into one list. Of two copies of an id the later
 * wins, except that a pending or failed copy never replaces a stored one (the id is the client id,
 * so a resend or a second tab never doubles a message). Returns `current` itself when nothing
 * arrives, so a state holder can tell that nothing changed.
 */
export function mergeMessages<T extends ChatMessage>(current: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return current as T[];
  const byId = new Map<string, T>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && !known.pending && !known.failed && (message.pending || message.failed)) continue;
    byId.set(message.id, message);
  }
  return [...byId.values()].sort(compare);
}

/**
 * Stored messages by seq within a conversation; a visitor's ended conversation and the one that continues it
 * (each numbered from 1) by time, so the earlier transcript stays above the new one. Unsent ones last.
 */
function compare(a: ChatMessage, b: ChatMessage): number {
  const aStored = a.seq > 0 && !a.pending && !a.failed;
  const bStored = b.seq > 0 && !b.pending && !b.failed;
  if (aStored !== bStored) return aStored ? -1 : 1;
  return aStored && a.conversationId === b.conversationId ? a.seq - b.seq : a.createdAt - b.createdAt;
}

/**
 * The newest conversation's highest seq, for `hello {lastSeq}` after a reconnect: the seq of the last stored
 * message of a merged (sorted) transcript, whose newest conversation comes last. Unsent messages have seq 0.
 */
export function lastSeqOf(messages: readonly ChatMessage[]): number {
  let last = 0;
  for (const message of messages) if (message.seq) last = message.seq;
  return last;
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

/** Messages from others (bot, agent, system) in the newest conversation of a merged transcript the visitor has not seen yet. */
export function countUnread(messages: readonly ChatMessage[], readSeq: number): number {
  let newest: string | undefined;
  for (const m of messages) if (m.seq) newest = m.conversationId;
  return messages.filter((m) => m.author !== 'visitor' && m.conversationId === newest && m.seq > readSeq).length;
}
