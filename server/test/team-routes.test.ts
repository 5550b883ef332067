/** The team over HTTP: an invite is used once, bad input changes nothing, disabling or demoting ends sessions and sockets within 5 s. */
import { afterEach, describe, expect, it } from 'vitest';
import type { KefuServer } from '../src/index.ts';
import { ADMIN, agentCall, closeClients, connectAgent, login, ok, startServer, tempDir, type AgentClient } from './support/test-server.ts';

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
}, 30_000);

async function send(url: string, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as any) : undefined;
  return { status: res.status, json, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

function connected(socket: AgentClient): Promise<AgentClient> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('team routes', { timeout: 60_000 }, () => {
  it('an invite into 技术支持 is accepted once, signs the new agent in, and lists them in the department', async () => {
    const server = await startServer();
    servers.push(server);
    const admin = await login(server.url);
    const departments = (await send(server.url, 'GET', '/api/departments', undefined, admin)).json.departments as { key: string; nameZh: string }[];
    expect(departments.map((d) => `${d.key}:${d.nameZh}`)).toEqual(expect.arrayContaining(['tech:技术支持', 'billing:账户与账单', 'complaints:投诉与建议', 'onsite:上门服务']));

    const created = await send(server.url, 'POST', '/api/team/invites', { email: ' B@Kefu.test ', role: 'agent', department: 'tech' }, admin);
    expect(created.status).toBe(201);
    expect(created.json.invite).toMatchObject({ email: 'b@kefu.test', role: 'agent', department: 'tech', path: expect.stringMatching(/^\/console\/#\/invite\/[\w-]{40,}$/) });
    const token = (created.json.invite.path as string).split('/').pop()!;
    expect((await send(server.url, 'GET', `/api/team/invites/${token}`)).json.invite).toMatchObject({ email: 'b@kefu.test', department: 'tech' });

    // Bad input: a coded error, and the invite is still unused.
    for (const body of [{ name: '', password: 'long password 1' }, { name: 'B', password: 'short' }, ['B', 'long password 1']]) {
      const bad = await send(server.url, 'POST', `/api/team/invites/${token}/accept`, body);
      expect([bad.status, bad.json.code]).toEqual([400, 'bad_request']);
    }
    const accepted = await send(server.url, 'POST', `/api/team/invites/${token}/accept`, { name: '小B', password: 'long password 1' });
    expect(accepted.status).toBe(201);
    expect(accepted.json.agent).toMatchObject({ email: 'b@kefu.test', name: '小B', role: 'agent' });
    const me = await send(server.url, 'GET', '/api/team/me', undefined, accepted.cookie);
    expect(me.json.agent).toMatchObject({ name: '小B', departments: ['tech'], presence: 'offline', capacity: 5, disabled: false });
    const again = await send(server.url, 'POST', `/api/team/invites/${token}/accept`, { name: 'X', password: 'long password 1' });
    expect([again.status, again.json.code]).toEqual([409, 'conflict']);
    expect((await send(server.url, 'POST', '/api/team/invites', { email: 'b@kefu.test', role: 'agent' }, admin)).json.code).toBe('conflict');

    expect((await send(server.url, 'PUT', '/api/team/me/presence', { presence: 'busy' }, accepted.cookie)).json.code).toBe('bad_request');
    expect((await send(server.url, 'PUT', '/api/team/me/presence', { presence: 'online' }, accepted.cookie)).json).toEqual({ presence: 'online' });
  });

  it('refuses bad department and agent payloads without changing anything, and keeps the last admin', async () => {
    const server = await startServer();
    servers.push(server);
    const admin = await login(server.url);
    const before = (await send(server.url, 'GET', '/api/departments', undefined, admin)).json;
    for (const body of [{ key: 'Bad Key', nameZh: 'x', nameEn: 'x' }, { key: 'ok', nameZh: '', nameEn: 'x' }, { key: 'ok', nameZh: 'x' }, null]) {
      expect((await send(server.url, 'POST', '/api/departments', body, admin)).json.code).toBe('bad_request');
    }
    expect((await send(server.url, 'POST', '/api/departments', { key: 'tech', nameZh: 'x', nameEn: 'x' }, admin)).json.code).toBe('conflict');
    expect((await send(server.url, 'PATCH', '/api/departments/tech', { nameZh: '\u0000' }, admin)).json.code).toBe('bad_request');
    expect((await send(server.url, 'GET', '/api/departments', undefined, admin)).json).toEqual(before);

    const meId = (await send(server.url, 'GET', '/api/team/me', undefined, admin)).json.agent.id;
    for (const body of [{ role: 'root' }, { capacity: -1 }, { capacity: 1.5 }, { disabled: 'yes' }]) {
      expect((await send(server.url, 'PATCH', `/api/team/agents/${meId}`, body, admin)).json.code).toBe('bad_request');
    }
    expect((await send(server.url, 'PATCH', `/api/team/agents/${meId}`, { disabled: true }, admin)).json.code).toBe('conflict');
    expect((await send(server.url, 'PATCH', `/api/team/agents/${meId}`, { role: 'agent' }, admin)).json.code).toBe('conflict');
    expect((await send(server.url, 'PATCH', '/api/team/agents/nobody', { capacity: 2 }, admin)).json.code).toBe('not_found');
    expect((await send(server.url, 'GET', '/api/team/agents', undefined, admin)).json.agents).toEqual([
      expect.objectContaining({ email: ADMIN.email, role: 'admin', disabled: false, capacity: 5 }),
    ]);
  });

  it('disabling an agent, or demoting a supervisor, ends their sessions and sockets within 5 s; a disabled agent cannot sign in', async () => {
    const server = await startServer();
    servers.push(server);
    const admin = await login(server.url);
    const members: { id: string; cookie: string }[] = [];
    for (const [email, role] of [['c@kefu.test', 'agent'], ['s@kefu.test', 'supervisor']]) {
      const token = ((await send(server.url, 'POST', '/api/team/invites', { email, role }, admin)).json.invite.path as string).split('/').pop();
      const joined = await send(server.url, 'POST', `/api/team/invites/${token}/accept`, { name: email, password: 'long password 1' });
      members.push({ id: joined.json.agent.id, cookie: joined.cookie! });
    }
    for (const [i, patch] of [{ disabled: true }, { role: 'agent' }].entries()) {
      const { id, cookie } = members[i]!;
      const socket = await connected(connectAgent(server.url, cookie));
      ok(await agentCall(socket, 'hello', {}));
      const started = Date.now();
      const gone = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now() - started)));
      expect((await send(server.url, 'PATCH', `/api/team/agents/${id}`, patch, admin)).status).toBe(200);
      expect(await gone).toBeLessThan(5000);
      expect((await send(server.url, 'GET', '/api/auth/me', undefined, cookie)).status).toBe(401);
    }
    const refused = await send(server.url, 'POST', '/api/auth/login', { email: 'c@kefu.test', password: 'long password 1' });
    expect([refused.status, refused.json.code]).toEqual([403, 'forbidden']);
    const demoted = await login(server.url, 's@kefu.test', 'long password 1');
    expect((await send(server.url, 'GET', '/api/team/agents', undefined, demoted)).json.code).toBe('forbidden');
    expect((await send(server.url, 'PATCH', `/api/team/agents/${members[0]!.id}`, { disabled: false }, admin)).json.agent.disabled).toBe(false);
    expect((await login(server.url, 'c@kefu.test', 'long password 1')).startsWith('kefu_session=')).toBe(true);
  });

  it('a disabled env admin is enabled again by the next start with KEFU_ADMIN_*, the way back in', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir });
    const admin = await login(first.url);
    const token = ((await send(first.url, 'POST', '/api/team/invites', { email: 'second@kefu.test', role: 'admin' }, admin)).json.invite.path as string).split('/').pop();
    const second = (await send(first.url, 'POST', `/api/team/invites/${token}/accept`, { name: 'Second', password: 'long password 1' })).cookie!;
    const envAdminId = (await send(first.url, 'GET', '/api/team/me', undefined, admin)).json.agent.id;
    expect((await send(first.url, 'PATCH', `/api/team/agents/${envAdminId}`, { disabled: true }, second)).json.agent.disabled).toBe(true);
    expect((await send(first.url, 'POST', '/api/auth/login', ADMIN)).status).toBe(403);
    await first.close();
    const again = await startServer({ dataDir });
    servers.push(again);
    expect((await login(again.url)).startsWith('kefu_session=')).toBe(true);
  });
});
