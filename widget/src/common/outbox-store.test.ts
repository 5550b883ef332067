import { describe, expect, it } from 'vitest';
import { outboxKey, readOutbox, writeOutbox, type OutboxItem } from './outbox-store.ts';
import { createSafeStorage, type KeyValueStore } from './safe-storage.ts';

/** Two stores over one Map play two tabs of the same page, or the page before and after a reload. */
function sharedStorage(): { data: Map<string, string>; tab: () => KeyValueStore } {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as Storage;
  return { data, tab: () => createSafeStorage(() => storage) };
}

const item = (id: string, at: number, extra: Partial<OutboxItem> = {}): OutboxItem => ({ id, text: `text ${id}`, at, ...extra });
const key = outboxKey('demo', 'v1');

describe('outbox store', () => {
  it('keys the outbox by site and visitor', () => {
    expect(outboxKey('shop', 'v42')).toBe('kefu:outbox:shop:v42');
  });

  it('keeps what was written across a reload, in the order typed, handoffs and suggestions included', () => {
    const { tab } = sharedStorage();
    const before = tab();
    writeOutbox(before, key, item('a', 10, { entryId: 'faq-1' }));
    writeOutbox(before, key, item('b', 20, { handoff: 1 }));
    expect(readOutbox(tab(), key)).toEqual([item('a', 10, { entryId: 'faq-1' }), item('b', 20, { handoff: 1 })]);
    expect(readOutbox(tab(), outboxKey('demo', 'v2'))).toEqual([]);
  });

  it('drops acknowledged ids and removes the key once empty', () => {
    const { data, tab } = sharedStorage();
    const store = tab();
    writeOutbox(store, key, item('a', 1));
    writeOutbox(store, key, item('b', 2));
    writeOutbox(store, key, undefined, ['a']);
    expect(readOutbox(store, key).map((x) => x.id)).toEqual(['b']);
    writeOutbox(store, key, undefined, ['b']);
    expect(data.has(key)).toBe(false);
  });

  it('writing the same id again replaces it instead of doubling it (a retry)', () => {
    const { tab } = sharedStorage();
    const store = tab();
    writeOutbox(store, key, item('a', 1));
    writeOutbox(store, key, item('a', 1));
    expect(readOutbox(store, key)).toHaveLength(1);
  });

  it('does not overwrite what another tab of the same visitor queued meanwhile', () => {
    const { tab } = sharedStorage();
    const one = tab();
    const two = tab();
    writeOutbox(one, key, item('a', 1));
    writeOutbox(two, key, item('b', 2));
    writeOutbox(one, key, undefined, ['a']);
    expect(readOutbox(tab(), key).map((x) => x.id)).toEqual(['b']);
  });

  it('reads broken or hostile values as empty, and skips malformed items', () => {
    const { data, tab } = sharedStorage();
    data.set(key, '{not json');
    expect(readOutbox(tab(), key)).toEqual([]);
    data.set(key, JSON.stringify({ id: 'a' }));
    expect(readOutbox(tab(), key)).toEqual([]);
    data.set(key, JSON.stringify([null, item('ok', 1), { id: 'bad id!', text: 'x', at: 1 }, { id: 'n', text: 5, at: 1 }, item('long', 2, { text: 'x'.repeat(2001) })]));
    expect(readOutbox(tab(), key).map((x) => x.id)).toEqual(['ok']);
  });
});
