import { describe, expect, it } from 'vitest';
import { createSafeStorage, openKey, tokenKey } from './safe-storage.ts';

/** A Web Storage stand-in backed by a Map, optionally failing like Safari private mode. */
function fakeStorage(fail: 'never' | 'write' | 'always' = 'never'): Storage {
  const data = new Map<string, string>();
  const guard = (write: boolean) => {
    if (fail === 'always' || (fail === 'write' && write)) throw new DOMException('denied', 'SecurityError');
  };
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (guard(false), data.get(k) ?? null),
    setItem: (k, v) => (guard(true), void data.set(k, v)),
    removeItem: (k) => (guard(true), void data.delete(k)),
  };
}

describe('createSafeStorage', () => {
  it('reads and writes through to the real storage', () => {
    const storage = fakeStorage();
    const store = createSafeStorage(() => storage);
    store.set(tokenKey('demo'), 't1');
    expect(storage.getItem('kefu:token:demo')).toBe('t1');
    expect(createSafeStorage(() => storage).get(tokenKey('demo'))).toBe('t1');
    store.remove(tokenKey('demo'));
    expect(store.get(tokenKey('demo'))).toBeNull();
  });

  it('keeps values in memory when writes throw (quota, private mode)', () => {
    const store = createSafeStorage(() => fakeStorage('write'));
    store.set(openKey('demo'), '1');
    expect(store.get(openKey('demo'))).toBe('1');
  });

  it('works when even touching localStorage throws (sandboxed iframe, blocked cookies)', () => {
    const store = createSafeStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.get('k')).toBeNull();
    store.set('k', 'v');
    expect(store.get('k')).toBe('v');
    const failing = createSafeStorage(() => fakeStorage('always'));
    failing.set('k', 'v');
    expect(failing.get('k')).toBe('v');
  });

  it('uses one key per site', () => {
    expect(tokenKey('shop')).toBe('kefu:token:shop');
    expect(tokenKey('shop')).not.toBe(tokenKey('demo'));
  });
});
