import { describe, expect, it } from 'vitest';
import type { Message } from '../domain.ts';
import { contiguousSeq, countUnread, lastSeqOf, mergeMessages, type ChatMessage } from './merge-messages.ts';

const msg = (id: string, seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  conversationId: 'c1',
  seq,
  author: 'bot',
  text: id,
  createdAt: 1000 + seq,
  ...extra,
});

describe('mergeMessages', () => {
  it('orders by seq and keeps one copy per id (a second tab or a replay)', () => {
    const merged = mergeMessages([msg('b', 2), msg('a', 1)], [msg('c', 3), msg('b', 2), msg('a', 1)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('replaces a pending message with the stored one of the same client id', () => {
    const pending = msg('x', 0, { author: 'visitor', pending: true, createdAt: 5000 });
    const merged = mergeMessages([msg('a', 1), pending], [msg('x', 2, { author: 'visitor' })]);
    expect(merged).toEqual([msg('a', 1), msg('x', 2, { author: 'visitor' })]);
  });

  it('never lets a stale pending copy overwrite the stored message', () => {
    const merged = mergeMessages([msg('x', 2)], [msg('x', 0, { pending: true })]);
    expect(merged).toEqual([msg('x', 2)]);
  });

  it('keeps unsent messages after stored ones, in the order they were typed', () => {
    const merged = mergeMessages(
      [msg('p2', 0, { pending: true, createdAt: 9 }), msg('p1', 0, { pending: true, createdAt: 8 })],
      [msg('a', 1, { createdAt: 99 })],
    );
    expect(merged.map((m) => m.id)).toEqual(['a', 'p1', 'p2']);
  });

  it('lets the later copy of a stored message win (an ack replacing a push)', () => {
    const merged = mergeMessages([msg('a', 1, { text: 'old' })], [msg('a', 1, { text: 'new' })]);
    expect(merged).toEqual([msg('a', 1, { text: 'new' })]);
  });

  it('takes plain stored messages (the console’s) and orders them by seq whatever the arrival order', () => {
    const stored = (seq: number): Message => ({ id: `m${seq}`, conversationId: 'c1', seq, author: 'visitor', text: `text ${seq}`, createdAt: 1000 + seq });
    const merged: Message[] = mergeMessages([stored(3), stored(1)], [stored(2), stored(5), stored(4), stored(5)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps an ended conversation above the one that continues it, though both number from 1', () => {
    const ended = [msg('a1', 1, { createdAt: 100 }), msg('a2', 2, { createdAt: 200 }), msg('a3', 3, { createdAt: 300 })];
    const next = [msg('b1', 1, { conversationId: 'c2', createdAt: 400 }), msg('b2', 2, { conversationId: 'c2', createdAt: 400 })];
    const pending = msg('p', 0, { conversationId: '', pending: true, createdAt: 50 });
    expect(mergeMessages([...ended, pending], [next[1]!, next[0]!]).map((m) => m.id)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'p']);
  });

  it('returns the same list when nothing arrives, so a state holder sees no change', () => {
    const current = [msg('a', 1)];
    expect(mergeMessages(current, [])).toBe(current);
  });
});

describe('contiguousSeq', () => {
  it('is 0 for an empty transcript', () => {
    expect(contiguousSeq([])).toBe(0);
  });

  it('stops before the first gap so a replay fills it', () => {
    expect(contiguousSeq([msg('a', 1), msg('b', 2), msg('c', 3)])).toBe(3);
    expect(contiguousSeq([msg('a', 1), msg('b', 2), msg('e', 5)])).toBe(2);
    expect(contiguousSeq([msg('j', 10), msg('k', 11)])).toBe(11);
  });
});

describe('lastSeqOf and countUnread', () => {
  const list = [msg('a', 1, { author: 'visitor' }), msg('b', 2), msg('c', 3, { author: 'agent' }), msg('p', 0, { pending: true })];

  it('counts only the newest conversation after a close (its seq starts at 1 again)', () => {
    const ended = [msg('a1', 1, { author: 'agent' }), msg('a2', 2), msg('a3', 3, { author: 'system' })];
    const next = [msg('b1', 1, { conversationId: 'c2', author: 'system', createdAt: 5000 }), msg('b2', 2, { conversationId: 'c2', author: 'visitor', createdAt: 5001 })];
    const both = mergeMessages(ended, next);
    expect(lastSeqOf(both)).toBe(2);
    expect(countUnread(both, 0)).toBe(1);
    expect(countUnread([...both, msg('b3', 3, { conversationId: 'c2', author: 'bot', createdAt: 5002 })], 2)).toBe(1);
  });

  it('reports the highest stored seq, ignoring pending messages', () => {
    expect(lastSeqOf(list)).toBe(3);
    expect(lastSeqOf([])).toBe(0);
  });

  it('counts only other people’s messages after the last one read', () => {
    expect(countUnread(list, 0)).toBe(2);
    expect(countUnread(list, 2)).toBe(1);
    expect(countUnread(list, 3)).toBe(0);
  });
});
