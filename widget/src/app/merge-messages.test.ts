import { describe, expect, it } from 'vitest';
import { countUnread, lastSeqOf, mergeMessages, type ChatMessage } from './merge-messages.ts';

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
});

describe('lastSeqOf and countUnread', () => {
  const list = [msg('a', 1, { author: 'visitor' }), msg('b', 2), msg('c', 3, { author: 'agent' }), msg('p', 0, { pending: true })];

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
