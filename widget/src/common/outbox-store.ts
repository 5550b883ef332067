/** Unsent visitor messages kept in the host page's storage, so a reload while offline does not lose them. */
import type { PreChatAnswers } from '@kefu/shared';
import type { KeyValueStore } from './safe-storage.ts';

/** One message waiting for its acknowledgement; `id` is the client id the server de-duplicates on. */
export interface OutboxItem {
  id: string;
  text: string;
  /** The suggestion tapped (answered directly). */
  entryId?: string;
  /** Sent with the 转人工客服 button rather than typed. */
  handoff?: 1;
  /** The pre-chat form's answers, sent with the handoff. */
  preChat?: PreChatAnswers;
  /** When it was typed (ms), shown after a reload. */
  at: number;
}

/** Storage key of one visitor's outbox on one site; '' is "before the first hello told us who". */
export const outboxKey = (site: string, visitorId: string) => `kefu:outbox:${site}:${visitorId}`;

/** The host page's storage can hold anything: only well-formed items of bounded size get through. */
const valid = (x: OutboxItem) =>
  x && typeof x.text == 'string' && x.text.length <= 2000 && typeof x.at == 'number' && /^[\w-]{1,64}$/.test(x.id);

/** Reads the outbox under `key` in the order written (typed); a broken value reads as empty. */
export function readOutbox(store: KeyValueStore, key: string): OutboxItem[] {
  try {
    const list: OutboxItem[] = JSON.parse(store.get(key) || '[]');
    return list.filter(valid);
  } catch {
    return [];
  }
}

/**
 * Adds `item` (when given) and drops the ids in `drop`, re-reading the stored list first: another
 * tab of the same visitor may have written its own items since, and they must survive this write.
 */
export function writeOutbox(store: KeyValueStore, key: string, item?: OutboxItem, drop: string[] = []): void {
  const list = readOutbox(store, key).filter((x) => x.id != item?.id && !drop.includes(x.id));
  if (item) list.push(item);
  if (list.length) store.set(key, JSON.stringify(list.slice(-50)));
  else store.remove(key);
}
