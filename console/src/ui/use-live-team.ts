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

/** What {@link useLiveTeam} gives the page. */
export interface LiveTeam {
  /** Ids of the rows a push changed in the last moments (highlighted). */
  fresh: ReadonlySet<string>;
  /**
   * Call as a read of the whole team starts; the function returned lays the rows pushed meanwhile over what the
   * read answered (a read that crossed a push may have been answered from before it).
   */
  reading(): (list: TeamAgent[]) => TeamAgent[];
}

/**
 * Applies every pushed row to the list (`apply`) and keeps reads of the whole team from undoing a push.
 * `reload` runs when the console is back online after being away: pushes sent meanwhile are not replayed.
 */
export function useLiveTeam(
  apply: (update: (list: TeamAgent[] | null) => TeamAgent[] | null) => void,
  reload: () => void,
  feed?: PushFeed<TeamAgent>,
  status?: ConnectionStatus,
): LiveTeam {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;
  const reads = useRef(new Set<Map<string, TeamAgent>>()).current;
  const lastStatus = useRef(status);

  useEffect(() => {
    if (!feed) return;
    const unsubscribe = feed.subscribe((row) => {
      for (const pushed of reads) pushed.set(row.id, row);
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

  const reading = () => {
    const pushed = new Map<string, TeamAgent>();
    reads.add(pushed);
    return (list: TeamAgent[]) => {
      reads.delete(pushed);
      return [...pushed.values()].reduce(upsertAgent, list);
    };
  };
  return { fresh, reading };
}
