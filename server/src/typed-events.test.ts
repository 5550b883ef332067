/** The namespaces are typed by the shared event maps: wrong event names or payloads fail to compile. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Server } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import type {
  Ack,
  AgentClientEvents,
  ConversationDetail,
  Message,
  SendResult,
  TeamAgent,
  VisitorClientEvents,
  VisitorHelloResult,
  VisitorServerEvents,
} from '@kefu/shared';
import type { AgentNamespace, VisitorNamespace } from './context.ts';
import type { AckData } from './socket/handle.ts';

type VisitorServer = Server<VisitorClientEvents, VisitorServerEvents>;
type VisitorClient = ClientSocket<VisitorServerEvents, VisitorClientEvents>;

describe('typed events', () => {
  it('reads the ack data type of every event', () => {
    expectTypeOf<AckData<VisitorClientEvents['hello']>>().toEqualTypeOf<VisitorHelloResult>();
    expectTypeOf<AckData<VisitorClientEvents['send']>>().toEqualTypeOf<SendResult>();
    expectTypeOf<AckData<VisitorClientEvents['sync']>>().toEqualTypeOf<{ messages: Message[] }>();
    expectTypeOf<AckData<AgentClientEvents['accept']>>().toEqualTypeOf<ConversationDetail>();
    expect(true).toBe(true);
  });

  it('types what the server emits and what the client sends', () => {
    // Never called: the body only has to compile, and each @ts-expect-error has to be an error.
    const compileOnly = (server: VisitorServer, visitors: VisitorNamespace, agents: AgentNamespace, client: VisitorClient, message: Message, row: TeamAgent) => {
      visitors.to('visitor:1').emit('message', message);
      agents.to('agents').emit('queue', []);
      agents.to('agent:1').emit('teamAgent', row);
      // @ts-expect-error a team row is for agents' consoles only
      visitors.emit('teamAgent', row);
      // @ts-expect-error a message is not a team row
      agents.emit('teamAgent', message);
      // @ts-expect-error the visitor side has no queue event
      visitors.emit('queue', []);
      // @ts-expect-error a message is not a conversation
      server.emit('conversation', message);
      client.emit('send', { clientId: 'a', text: 'b' }, (res) => {
        expectTypeOf(res).toEqualTypeOf<Ack<SendResult>>();
      });
      // @ts-expect-error text must be a string
      client.emit('send', { clientId: 'a', text: 1 }, () => {});
      // @ts-expect-error agents' events are not visitor events
      client.emit('accept', { conversationId: 'c' }, () => {});
    };
    expect(typeof compileOnly).toBe('function');
  });
});
