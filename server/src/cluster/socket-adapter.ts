/**
 * Socket.IO across nodes through Redis Streams (@socket.io/redis-streams-adapter): room broadcasts,
 * socketsJoin and disconnectSockets reach every node's sockets. Streams rather than pub/sub because
 * a stream keeps its entries: a node whose reading connection dropped reads on from the last entry
 * it saw when it is back, where a pub/sub subscriber would silently miss what was published
 * meanwhile; and one connection per node suffices.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Namespace, Server } from 'socket.io';
import type { RedisClient, RedisConnection } from './redis-connection.ts';
import { withTimeout } from './redis-timeout.ts';

/**
 * The cluster adapter delivers a broadcast to this node's own sockets only after Redis took it; while
 * Redis is away that would hold every local delivery back. After this long the local sockets get
 * it anyway, and the entry, waiting in the client's queue, reaches the other nodes when Redis is back.
 */
export const PUBLISH_WAIT_MS = 300;

type Publishing = { publishAndReturnOffset(message: unknown): Promise<string> };

/**
 * The client as the adapter sees it: every promise a command returns already has a handler. The
 * adapter drops some of them (PUBLISH of an ephemeral message, SET of a session kept for recovery);
 * when the connection closes with one in flight it would reject unhandled and end the process.
 * Callers that await a command still see its rejection.
 */
export function withHandledCommands(client: RedisClient): RedisClient {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

export function attachRedisAdapter(io: Server, redis: RedisConnection): void {
  const make = createAdapter(withHandledCommands(redis.adapterClient), { streamName: `${redis.prefix}socket.io`, sessionKeyPrefix: `${redis.prefix}sio:session:` });
  // Socket.IO calls the adapter with `new`; returning an object from it hands that object over.
  const adapter = function (nsp: Namespace) {
    const a = make(nsp) as unknown as Publishing;
    const publish = a.publishAndReturnOffset.bind(a);
    a.publishAndReturnOffset = (message) => withTimeout(publish(message), PUBLISH_WAIT_MS);
    return a;
  };
  io.adapter(adapter as unknown as Parameters<Server['adapter']>[0]);
}
