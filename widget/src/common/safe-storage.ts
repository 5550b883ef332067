/** Key–value storage over localStorage/sessionStorage that falls back to memory when the browser refuses it. */

/** The subset of the Web Storage API the widget uses. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * Wraps a storage getter: Safari private mode, sandboxed iframes and blocked cookies make
 * `localStorage` throw on access or on write, so every call is guarded and the value is kept
 * in memory as well, which keeps the session alive for the page's lifetime.
 */
export function createSafeStorage(getStorage: () => Storage | undefined): KeyValueStore {
  const memory = new Map<string, string>();
  const storage = (): Storage | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    get(key) {
      try {
        const value = storage()?.getItem(key);
        if (value != null) return value;
      } catch {
        /* fall through to memory */
      }
      return memory.get(key) ?? null;
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage()?.setItem(key, value);
      } catch {
        /* memory keeps it */
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage()?.removeItem(key);
      } catch {
        /* memory already forgot it */
      }
    },
  };
}

/** Storage key of the visitor token (kept across reloads and tabs). */
export const tokenKey = (site: string) => `kefu:token:${site}`;
/** Storage key of "the panel is open" (sessionStorage: this tab only). */
export const openKey = (site: string) => `kefu:open:${site}`;
/**
 * Storage key of "load the app at page load" (localStorage, set by the app): there are unread
 * messages, or a human agent is on the conversation and may write while the visitor browses.
 */
export const wakeKey = (site: string) => `kefu:wake:${site}`;
/** Storage key of the last seq the visitor has seen, for the unread badge. */
export const readKey = (site: string) => `kefu:read:${site}`;
