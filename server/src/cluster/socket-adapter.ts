/**
 * Socket.IO across nodes through Redis Streams (@socket.io/redis-streams-adapter): room broadcasts,
 * socketsJoin and disconnectSockets reach every node's sockets. Streams rather than pub/sub because
 * a stream keeps its entries: a node whose reading connection dropped reads on from the last entry
 * it saw when it is back, where a pub/sub subscriber would silently miss what was published
 * meanwhile; and one connection per node suffices.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server } from 'socket.io';
import type { RedisConnection } from './redis-connection.ts';

export function attachRedisAdapter(io: Server, redis: RedisConnection): void {
  io.adapter(createAdapter(redis.adapterClient, { streamName: `${redis.prefix}socket.io`, sessionKeyPrefix: `${redis.prefix}sio:session:` }));
}
