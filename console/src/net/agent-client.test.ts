/** The console's connection comes back as soon as the browser says the network has. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentServer } from '../../test/fake-agent-socket.ts';
import { quietHandlers } from '../../test/start-agent-client.ts';
import { AgentClient } from './agent-client.ts';

vi.mock('socket.io-client', () => import('../../test/fake-agent-socket.ts'));

let client: AgentClient | undefined;
afterEach(() => client?.close());

describe('AgentClient when the network comes back', () => {
  it('reconnects at once when cut off, leaves a live connection alone, and stops listening once closed', () => {
    agentServer.reconnects = 0;
    const network = new EventTarget();
    client = new AgentClient(quietHandlers, network);
    client.start();
    const socket = agentServer.socket!;

    network.dispatchEvent(new Event('online'));
    expect(agentServer.reconnects).toBe(0);

    socket.connected = false;
    network.dispatchEvent(new Event('online'));
    expect(agentServer.reconnects).toBe(1);
    expect(socket.connected).toBe(true);

    client.close();
    socket.connected = false;
    network.dispatchEvent(new Event('online'));
    expect(agentServer.reconnects).toBe(1);
  });

  it('does not bring back a session the server ended', () => {
    agentServer.reconnects = 0;
    const network = new EventTarget();
    let signedOut = 0;
    client = new AgentClient({ ...quietHandlers, unauthorized: () => signedOut++ }, network);
    client.start();
    agentServer.socket!.fire('connect_error', new Error('unauthorized'));
    expect(signedOut).toBe(1);
    network.dispatchEvent(new Event('online'));
    expect(agentServer.reconnects).toBe(0);
  });
});
