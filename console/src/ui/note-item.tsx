/** An internal note in the transcript: yellow, labelled as unseen by the visitor, placed by time among the messages. */
import type { InternalNote, Message } from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import { useI18n } from './i18n-context.ts';

/** Messages and notes in one list, by time (a note written between two messages shows between them). */
export function withNotes(messages: Message[], notes: InternalNote[]): (Message | InternalNote)[] {
  if (notes.length === 0) return messages;
  const out: (Message | InternalNote)[] = [];
  let n = 0;
  for (const message of messages) {
    while (n < notes.length && notes[n]!.createdAt < message.createdAt) out.push(notes[n++]!);
    out.push(message);
  }
  // Notes older than the first page held belong to that page's past: they stay with it only once it is loaded.
  const first = messages[0]?.createdAt ?? 0;
  return [...out.filter((item) => 'seq' in item || item.createdAt >= first), ...notes.slice(n)];
}

export const isNote = (item: Message | InternalNote): item is InternalNote => !('seq' in item);

export function NoteItem({ note, now }: { note: InternalNote; now: number }) {
  const { lang, t } = useI18n();
  const label = t('internalNoteBy', { name: note.authorName });
  return (
    <article class="msg msg-note" aria-label={label}>
      <header class="msg-head">
        <span class="author">{label}</span>
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatTime(lang, note.createdAt, now, '24h')}</time>
      </header>
      <p class="msg-text">{note.text}</p>
      <p class="note-hint">{t('internalNoteHint')}</p>
    </article>
  );
}
