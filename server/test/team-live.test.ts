/**
 * The team page follows the team live: a supervisor's and an admin's consoles get `teamAgent` (the row the
 * team routes show) when a colleague's presence changes — chosen, brought back by a console, or set offline
 * when every console is gone — when an admin changes a capacity, a role or a department, or a new agent
 * joins, and when an agent's count of open conversations moves; a plain agent's console never gets a
 * colleague's row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamAgent } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { PRESENCE_GRACE_MS } from '../src/socket/agent-presence.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, sleep, startServer, visitorCall, type AgentClient } from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;

async function send(method: string, path: string, body?: unknown, cookie = adminCookie) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? undefined : ((await res.json()) as any) };
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

  it("counts an agent's open conversations as they accept and close, and follows a department's deletion", async () => {
    const f = await member('f@team.test', 'supervisor');
    const fConsole = await f.console();
    const admin = await openConsole(adminCookie);
    const visitor = connectVisitor(server.url);
    const hello = ok(await visitorCall(visitor, 'hello', { lang: 'zh-CN' }));
    ok(await visitorCall(visitor, 'handoff', { clientId: 'h-team-live' }));
    const conversationId = hello.conversation.id;
    ok(await agentCall(fConsole.socket, 'accept', { conversationId }));
    expect(await admin.rows.next((r) => r.id === f.id && r.openConversations === 1)).toMatchObject({ email: 'f@team.test' });
    ok(await agentCall(fConsole.socket, 'close', { conversationId }));
    await admin.rows.next((r) => r.id === f.id && r.openConversations === 0 && admin.rows.seen.some((s) => s.id === f.id && s.openConversations === 1));

    expect((await send('POST', '/api/departments', { key: 'vip', nameZh: '贵宾', nameEn: 'VIP' })).status).toBe(201);
    expect((await send('PUT', `/api/departments/vip/members/${f.id}`)).status).toBe(200);
    await admin.rows.next((r) => r.id === f.id && r.departments.includes('vip'));
    expect((await send('DELETE', '/api/departments/vip')).status).toBe(204);
    await fConsole.rows.next((r) => r.id === f.id && !r.departments.includes('vip') && fConsole.rows.seen.some((s) => s.departments.includes('vip')));
  });
});
