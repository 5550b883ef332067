/**
 * The network edge of the console's socket: a stand-in for `socket.io-client` under the real
 * AgentClient. A test mocks the module with it — `vi.mock('socket.io-client', () => import('../../test/fake-agent-socket.ts'))`
 * — then scripts `agentServer.answers` (the ack of each request) and reads `agentServer.emitted`;
 * `start-agent-client.ts` starts a client on it. This file imports nothing: the client imports what it stands for.
 */
export const agentServer = {
  answers: {} as Record<string, (payload: never) => unknown>,
  emitted: [] as { event: string; payload: unknown }[],
  /** The last socket `io()` made (a test may cut it: `connected = false`, or raise one of its events with `fire`). */
  socket: undefined as { connected: boolean; fire(event: string, arg?: unknown): void } | undefined,
  /** How often a socket was told to connect again. */
  reconnects: 0,
};

/** Replaces `io()`: a socket already connected, whose requests the script answers (no answer: the client times out). */
export function io() {
  const handlers = new Map<string, (arg?: unknown) => void>();
  const socket = {
    connected: true,
    active: true,
    on(event: string, handler: (arg?: unknown) => void) {
      handlers.set(event, handler);
      return socket;
    },
    fire: (event: string, arg?: unknown) => handlers.get(event)?.(arg),
    emit(event: string, payload: never, ack?: (res: unknown) => void) {
      agentServer.emitted.push({ event, payload });
      const answer = agentServer.answers[event]?.(payload);
      if (answer !== undefined) ack?.(answer);
      return socket;
    },
    removeAllListeners: () => socket,
    disconnect() {
      socket.connected = false;
      return socket;
    },
    connect() {
      agentServer.reconnects++;
      socket.connected = true;
      return socket;
    },
  };
  agentServer.socket = socket;
  return socket;
}
