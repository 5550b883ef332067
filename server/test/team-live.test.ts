/**
 * The team page follows the team live: a supervisor's and an admin's consoles get `teamAgent` (the row the
 * team routes show) when a colleague's presence changes — chosen, brought back by a console, or set offline
 * when every console is gone — and when an admin changes a capacity, a role or a department, or a new agent
 * joins; a plain agent's console never gets a colleague's row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamAgent } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { PRESENCE_GRACE_MS } from '../src/socket/agent-presence.ts';
import { agentCall, closeClients, connectAgent, login, ok, recorder, sleep, startServer, type AgentClient } from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;

async function send(method: string, path: string, body?: unknown, cookie = adminCookie) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** An invited member, signed in; `console()` is a console saying hello with a recorder of its team pushes. */
async function member(email: string, role: 'agent' | 'supervisor') {
  const token = ((await send('POST', '/api/team/invites', { email, role })).json.invite.path as string).split('/').pop()!;
  const res = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: email.split('@')[0], password: 'a long enough password' }),
  });
  expect(res.status).toBe(201);
  const { agent } = (await res.json()) as { agent: { id: string } };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { id: agent.id, cookie, console: () => openConsole(cookie) };
}

async function openConsole(cookie: string): Promise<{ socket: AgentClient; rows: ReturnType<typeof recorder<TeamAgent>> }> {
  const socket = connectAgent(server.url, cookie);
  const rows = recorder<TeamAgent>(socket, 'teamAgent');
  ok(await agentCall(socket, 'hello', {}));
  return { socket, rows };
}

describe('the team page live (teamAgent)', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url);
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
  });

  it('reaches supervisors and admins when a colleague changes presence or an admin changes them, never a plain agent', async () => {
    const sup = await member('sup@team.test', 'supervisor');
    const b = await member('b@team.test', 'agent');
    const c = await member('c@team.test', 'agent');
    const admin = await openConsole(adminCookie);
    const supervisor = await sup.console();
    const plain = await c.console();

    // B's console says hello: B is back online, and the supervisor's team page hears it.
    const bConsole = await b.console();
    const online = await supervisor.rows.next((r) => r.id === b.id && r.presence === 'online');
    const listed = (await send('GET', '/api/team/agents')).json.agents.find((r: TeamAgent) => r.id === b.id);
    expect(online).toEqual(listed);

    // B chooses 离开 in their console.
    expect((await send('PUT', '/api/team/me/presence', { presence: 'away' }, b.cookie)).status).toBe(200);
    expect(await supervisor.rows.next((r) => r.id === b.id && r.presence === 'away')).toMatchObject({ email: 'b@team.test', role: 'agent', disabled: false });
    await admin.rows.next((r) => r.id === b.id && r.presence === 'away');

    // An admin (in another tab, or another admin) changes B's capacity, then adds B to 技术支持.
    expect((await send('PATCH', `/api/team/agents/${b.id}`, { capacity: 8 })).status).toBe(200);
    expect(await supervisor.rows.next((r) => r.id === b.id && r.capacity === 8)).toMatchObject({ presence: 'away' });
    expect((await send('PUT', `/api/departments/tech/members/${b.id}`)).status).toBe(200);
    expect((await supervisor.rows.next((r) => r.id === b.id && r.departments.includes('tech'))).capacity).toBe(8);

    // Every console of B gone for the grace period: offline, pushed too.
    bConsole.socket.disconnect();
    await supervisor.rows.next((r) => r.id === b.id && r.presence === 'offline', PRESENCE_GRACE_MS + 3_000);

    // A plain agent's console heard none of it (its own hello is not news to anyone either).
    await sleep(100);
    expect(plain.rows.seen).toEqual([]);
    expect(supervisor.rows.seen.filter((r) => r.id === c.id).map((r) => r.presence)).toEqual(['online']);
  });

  it('shows a new agent joining, and follows a promotion at once (no reconnect)', async () => {
    const d = await member('d@team.test', 'agent');
    const dConsole = await d.console();
    const admin = await openConsole(adminCookie);

    // Not a reader yet: a colleague joining does not reach D.
    const e = await member('e@team.test', 'agent');
    expect(await admin.rows.next((r) => r.id === e.id)).toMatchObject({ email: 'e@team.test', role: 'agent', presence: 'offline', openConversations: 0 });
    expect(dConsole.rows.seen.filter((r) => r.id === e.id)).toEqual([]);

    // Promoted to supervisor, D's open console hears the next change (no reconnect needed).
    expect((await send('PATCH', `/api/team/agents/${d.id}`, { role: 'supervisor' })).status).toBe(200);
    expect((await send('PATCH', `/api/team/agents/${e.id}`, { disabled: true })).status).toBe(200);
    expect(await dConsole.rows.next((r) => r.id === e.id && r.disabled)).toMatchObject({ presence: 'offline' });
    expect(await admin.rows.next((r) => r.id === e.id && r.disabled)).toMatchObject({ email: 'e@team.test' });
  });
});
