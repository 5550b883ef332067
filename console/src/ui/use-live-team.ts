/** The team page's list kept live: rows pushed by the server replace their namesakes or join the end, and a reconnect reads the list again. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamAgent } from '@kefu/shared';
import type { ConnectionStatus } from '../net/agent-client.ts';
import type { PushFeed } from './push-feed.ts';

/** How long a row that just changed stays highlighted. */
const FRESH_MS = 2500;

/** The row with the same id replaced, or a new one at the end (a colleague who just joined). */
export function upsertAgent(list: readonly TeamAgent[], row: TeamAgent): TeamAgent[] {
  return list.some((a) => a.id === row.id) ? list.map((a) => (a.id === row.id ? row : a)) : [...list, row];
}

/**
 * Applies every pushed row to the list (`apply`) and returns the ids of the rows changed in the last moments.
 * `reload` runs when the console is back online after being away: pushes sent meanwhile are not replayed.
 */
export function useLiveTeam(apply: (update: (list: TeamAgent[] | null) => TeamAgent[] | null) => void, reload: () => void, feed?: PushFeed<TeamAgent>, status?: ConnectionStatus): ReadonlySet<string> {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;
  const lastStatus = useRef(status);

  useEffect(() => {
    if (!feed) return;
    const unsubscribe = feed.subscribe((row) => {
      apply((list) => (list ? upsertAgent(list, row) : list));
      clearTimeout(timers.get(row.id));
      setFresh((ids) => new Set(ids).add(row.id));
      timers.set(
        row.id,
        setTimeout(() => {
          timers.delete(row.id);
          setFresh((ids) => new Set([...ids].filter((id) => id !== row.id)));
        }, FRESH_MS),
      );
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, [feed]);

  useEffect(() => {
    const before = lastStatus.current;
    lastStatus.current = status;
    if (status === 'online' && before !== undefined && before !== 'online') reload();
  }, [status]);

  return fresh;
}
