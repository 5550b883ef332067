/** Keeps the transcript consistent: one copy per id, server order by seq, unsent messages last. */
import type { Message } from '@kefu/shared';

/** A transcript entry: a stored message, or a visitor message still on its way (seq 0). */
export interface ChatMessage extends Message {
  /** Sent optimistically, not yet acknowledged. */
  pending?: boolean;
  /** The server refused it (error code); the visitor can retry. */
  failed?: string;
}

/**
 * Merges incoming messages into the transcript. A stored message replaces a pending one with the
 * same id (the id is the client id), so a resend or a second tab never doubles a message.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && !known.pending && !known.failed && (message.pending || message.failed)) continue;
    byId.set(message.id, message);
  }
  return [...byId.values()].sort(compare);
}

function compare(a: ChatMessage, b: ChatMessage): number {
  const aStored = a.seq > 0 && !a.pending && !a.failed;
  const bStored = b.seq > 0 && !b.pending && !b.failed;
  if (aStored !== bStored) return aStored ? -1 : 1;
  return aStored ? a.seq - b.seq : a.createdAt - b.createdAt;
}

/** The highest stored seq, for `hello {lastSeq}` after a reconnect. */
export function lastSeqOf(messages: readonly ChatMessage[]): number {
  let last = 0;
  for (const message of messages) if (!message.pending && !message.failed && message.seq > last) last = message.seq;
  return last;
}

/** Messages from others (bot, agent, system) the visitor has not seen yet. */
export function countUnread(messages: readonly ChatMessage[], readSeq: number): number {
  return messages.filter((m) => m.author !== 'visitor' && !m.pending && m.seq > readSeq).length;
}
