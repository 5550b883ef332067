import { describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import { contiguousSeq, mergeMessages } from './merge-messages.ts';

const msg = (seq: number, id = `m${seq}`, text = `text ${seq}`): Message => ({
  id,
  conversationId: 'c1',
  seq,
  author: 'visitor',
  text,
  createdAt: 1000 + seq,
});

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    const merged = mergeMessages([msg(3), msg(1)], [msg(2), msg(5), msg(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps one copy of a message pushed and also replayed', () => {
    const merged = mergeMessages([msg(1), msg(2)], [msg(2), msg(3), msg(3)]);
    expect(merged.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('lets the later copy win (an ack replacing a push)', () => {
    const merged = mergeMessages([msg(1, 'a', 'old')], [msg(1, 'a', 'new')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.text).toBe('new');
  });

  it('returns the same list when nothing arrives', () => {
    const current = [msg(1)];
    expect(mergeMessages(current, [])).toBe(current);
  });
});

describe('contiguousSeq', () => {
  it('is 0 for an empty transcript', () => {
    expect(contiguousSeq([])).toBe(0);
  });

  it('stops before the first gap so a replay fills it', () => {
    expect(contiguousSeq([msg(1), msg(2), msg(3)])).toBe(3);
    expect(contiguousSeq([msg(1), msg(2), msg(5)])).toBe(2);
    expect(contiguousSeq([msg(10), msg(11)])).toBe(11);
  });
});
