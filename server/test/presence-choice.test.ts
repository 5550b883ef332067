/**
 * An agent's own choice of presence outlives their console: 离线 or 离开 chosen in the console survives a reload
 * or reconnect, while the offline the server sets when every console has been gone for a few seconds is
 * cleared by coming back, to what the agent had chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { PRESENCE_GRACE_MS } from '../src/socket/agent-presence.ts';
import { agentCall, closeClients, connectAgent, login, ok, startServer, type AgentClient } from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;

/** An invited agent in 技术支持 with their session cookie; `open()` is a console saying hello. */
async function agent(email: string) {
  const invited = await fetch(`${server.url}/api/team/invites`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role: 'agent', department: 'tech' }),
  });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: email.split('@')[0], password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const open = async (): Promise<AgentClient> => {
    const socket = connectAgent(server.url, cookie);
    ok(await agentCall(socket, 'hello', {}));
    return socket;
  };
  const presence = async (): Promise<Presence> => {
    const res = await fetch(`${server.url}/api/team/me`, { headers: { cookie } });
    return ((await res.json()) as { agent: { presence: Presence } }).agent.presence;
  };
  const choose = async (value: Presence) => {
    const res = await fetch(`${server.url}/api/team/me/presence`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ presence: value }) });
    expect(res.status).toBe(200);
  };
  return { open, presence, choose };
}

/** Resolves once the socket has gone from the server's side too. */
async function closed(socket: AgentClient): Promise<void> {
  socket.disconnect();
  await new Promise((r) => setTimeout(r, 50));
}

describe('presence the agent chose, across reloads and reconnects', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url);
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
  });

  it('离线 chosen in the console stays offline when the console reloads or reconnects', async () => {
    const a = await agent('off@team.test');
    const first = await a.open();
    expect(await a.presence()).toBe('online');
    await a.choose('offline');
    // A reload: the new page says hello while the old socket may still be there.
    const reloaded = await a.open();
    await closed(first);
    expect(await a.presence()).toBe('offline');
    // A reconnect after a network drop.
    await closed(reloaded);
    await a.open();
    expect(await a.presence()).toBe('offline');
    // Picking 在线 again is a choice too: the next console keeps it.
    await a.choose('online');
    await a.open();
    expect(await a.presence()).toBe('online');
  });

  it('the server\'s own offline (every console gone) is cleared by coming back, to online or to the away the agent chose', async () => {
    const on = await agent('on@team.test');
    const away = await agent('away@team.test');
    const onSocket = await on.open();
    const awaySocket = await away.open();
    await away.choose('away');
    await closed(onSocket);
    await closed(awaySocket);
    await expect.poll(async () => [await on.presence(), await away.presence()], { timeout: PRESENCE_GRACE_MS + 3_000, interval: 250 }).toEqual(['offline', 'offline']);
    await on.open();
    await away.open();
    expect(await on.presence()).toBe('online');
    expect(await away.presence()).toBe('away');
  });
});
