/** Internal notes per conversation, kept apart from the transcripts: fed by `open`/`accept` acks and `note` pushes. */
import { useEffect, useState } from 'preact/hooks';
import type { InternalNote } from '@kefu/shared';

const NONE: InternalNote[] = [];

/** A small observable map: conversation id → its notes, oldest first, unique by id. */
export class NotesStore {
  private readonly byConversation = new Map<string, InternalNote[]>();
  private readonly listeners = new Set<() => void>();

  get(conversationId: string): InternalNote[] {
    return this.byConversation.get(conversationId) ?? NONE;
  }

  /** Replaces a conversation's notes with what the server sent (an open or accept), keeping any pushed since. */
  set(conversationId: string, notes: InternalNote[] | undefined): void {
    if (!notes) return;
    this.merge(conversationId, notes);
  }

  add(note: InternalNote): void {
    this.merge(note.conversationId, [note]);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private merge(conversationId: string, incoming: InternalNote[]): void {
    const held = this.get(conversationId);
    const fresh = incoming.filter((n) => !held.some((h) => h.id === n.id));
    if (fresh.length === 0 && held !== NONE) return;
    const next = [...held, ...fresh].sort((a, b) => a.createdAt - b.createdAt);
    this.byConversation.set(conversationId, next);
    for (const listener of this.listeners) listener();
  }
}

/** The notes of one conversation, re-rendering when they change. */
export function useNotes(store: NotesStore, conversationId: string | null): InternalNote[] {
  const [, bump] = useState(0);
  useEffect(() => store.subscribe(() => bump((n) => n + 1)), [store]);
  return conversationId ? store.get(conversationId) : NONE;
}
