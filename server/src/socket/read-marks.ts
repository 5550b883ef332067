/**
 * How far the assigned agent has read each conversation, for the visitor's 已读 / Read. Kept in
 * process memory (bounded), and with several nodes (REDIS_URL) every raise is also sent to the
 * other nodes (Socket.IO server-side events over the adapter), so a visitor whose next hello lands
 * on another node still hears it. A restart forgets the marks until the agent's console marks the
 * conversation again (it does on every reconnect); the widget also counts any agent reply as read
 * up to it. Live marks reach the visitor through the rooms.
 */
import type { KefuContext } from '../context.ts';

/** Enough for every open conversation of a large desk; the oldest marks go first. */
const MAX_MARKS = 50_000;

export interface ReadMarks {
  get(conversationId: string): number | undefined;
  /** Raises the mark to `seq`; returns the mark now held and whether it moved. */
  raise(conversationId: string, seq: number): { seq: number; moved: boolean };
}

export function createReadMarks(max = MAX_MARKS): ReadMarks {
  const marks = new Map<string, number>();
  return {
    get: (conversationId) => marks.get(conversationId),
    raise(conversationId, seq) {
      const held = marks.get(conversationId);
      if (held !== undefined && held >= seq) return { seq: held, moved: false };
      // Re-inserted, so the map's order is oldest-updated first.
      marks.delete(conversationId);
      marks.set(conversationId, seq);
      if (marks.size > max) marks.delete(marks.keys().next().value as string);
      return { seq, moved: true };
    },
  };
}

const perServer = new WeakMap<KefuContext, ReadMarks>();
const SHARED_EVENT = 'kefu:read-mark';

/** The namespace's server-side events, which the protocol's event maps leave untyped (Record<string, never>). */
interface ServerSideEvents {
  serverSideEmit(event: string, ...args: unknown[]): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * One store per server (tests run several servers in one process). Call it when a socket connects,
 * so a node starts hearing the other nodes' marks from its first client on.
 */
export function readMarksOf(ctx: KefuContext): ReadMarks {
  let marks = perServer.get(ctx);
  if (marks) return marks;
  const local = createReadMarks();
  perServer.set(ctx, (marks = local));
  if (ctx.config.redisUrl) {
    const nsp = ctx.visitors as unknown as ServerSideEvents;
    nsp.on(SHARED_EVENT, (conversationId, seq) => {
      if (typeof conversationId === 'string' && typeof seq === 'number') local.raise(conversationId, seq);
    });
    marks = {
      get: local.get,
      raise(conversationId, seq) {
        const result = local.raise(conversationId, seq);
        if (result.moved) nsp.serverSideEmit(SHARED_EVENT, conversationId, seq);
        return result;
      },
    };
    perServer.set(ctx, marks);
  }
  return marks;
}
