/** A started AgentClient on the fake socket of `fake-agent-socket.ts` (the test mocks `socket.io-client` with it). */
import { AgentClient, type AgentClientHandlers } from '../src/net/agent-client.ts';
import { agentServer } from './fake-agent-socket.ts';

/** Handlers that ignore everything the client reports. */
export const quietHandlers: AgentClientHandlers = {
  status: () => undefined,
  hello: () => undefined,
  queue: () => undefined,
  conversation: () => undefined,
  message: () => undefined,
  typing: () => undefined,
  read: () => undefined,
  resynced: () => undefined,
  unauthorized: () => undefined,
  watched: () => [],
};

/** With a fresh script: `answers` maps a request to its ack. Close the client after the test. */
export function startAgentClient(answers: Record<string, (payload: never) => unknown>): AgentClient {
  agentServer.answers = answers;
  agentServer.emitted = [];
  const client = new AgentClient(quietHandlers);
  client.start();
  return client;
}
