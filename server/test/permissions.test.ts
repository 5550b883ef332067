/**
 * The permission table: every HTTP route and every `/agent` socket event against no credentials, a
 * visitor token, an agent, a supervisor, an admin and a disabled agent, on a real server (SQLite,
 * 127.0.0.1). A number is the HTTP status an allowed caller gets; a word is the refusal's error code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KefuServer } from '../src/index.ts';
import { AGENT_EVENT_ROLES } from '../src/socket/agent-permissions.ts';
import { ADMIN, agentCall, closeClients, connectAgent, connectVisitor, login, ok, startServer, visitorCall, type AgentClient } from './support/test-server.ts';

const WHO = ['none', 'visitor', 'agent', 'supervisor', 'admin', 'disabled'] as const;
type Who = (typeof WHO)[number];
type Expect = number | string;

interface Identity {
  cookie?: string;
  bearer?: string;
  email: string;
  password: string;
}

let server: KefuServer;
const ids = {} as Record<Who, Identity>;
const agentIds = {} as Record<'agent' | 'supervisor' | 'disabled' | 'spare', string>;
/** The demo team canned replies' ids, in their order. */
let teamReplyIds: string[] = [];

async function api(method: string, path: string, who: Identity, body?: unknown): Promise<{ status: number; code?: string; json: any }> {
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text && res.headers.get('content-type')?.includes("json") ? JSON.parse(text) : undefined;
  return { status: res.status, code: json?.code, json };
}

/** Invites and signs in a new team member with the given role; returns their cookie and id. */
async function join(email: string, role: string): Promise<{ cookie: string; id: string }> {
  const invite = await api('POST', '/api/team/invites', ids.admin, { email, role });
  const token = invite.json.invite.path.split('/').pop();
  const res = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: email.split('@')[0], password: 'long password 1' }),
  });
  expect(res.status).toBe(201);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, id: ((await res.json()) as { agent: { id: string } }).agent.id };
}

beforeAll(async () => {
  server = await startServer();
  ids.none = { email: 'nobody@kefu.test', password: '' };
  ids.admin = { cookie: await login(server.url), email: ADMIN.email, password: ADMIN.password };
  const visitor = connectVisitor(server.url);
  const hello = ok(await visitorCall(visitor, 'hello', {}));
  ids.visitor = { bearer: hello.token, cookie: `kefu_session=${hello.token}`, email: 'visitor@kefu.test', password: 'long password 1' };
  for (const role of ['agent', 'supervisor', 'disabled', 'spare'] as const) {
    const joined = await join(`${role}@kefu.test`, role === 'supervisor' ? 'supervisor' : 'agent');
    agentIds[role] = joined.id;
    if (role !== 'spare') ids[role] = { cookie: joined.cookie, email: `${role}@kefu.test`, password: 'long password 1' };
  }
  expect((await api('PATCH', `/api/team/agents/${agentIds.disabled}`, ids.admin, { disabled: true })).status).toBe(200);
  await api('POST', '/api/departments', ids.admin, { key: 'doomed', nameZh: '待删', nameEn: 'Doomed' });
  teamReplyIds = ((await api('GET', '/api/canned-replies', ids.admin)).json.replies as { id: string }[]).map((r) => r.id);
});

afterAll(async () => {
  closeClients();
  await server?.close();
});

/** [method, path, body, expected for none, visitor, agent, supervisor, admin, disabled]. */
type Row = [string, string | (() => string), unknown, Expect, Expect, Expect, Expect, Expect, Expect];
const U = 'unauthorized';
const F = 'forbidden';

const HTTP_TABLE: Row[] = [
  ['GET', '/api/auth/me', undefined, U, U, 200, 200, 200, U],
  // Authenticated by its body: each caller signs in with their own credentials ("none" sends none).
  ['POST', '/api/auth/login', 'own', 'bad_request', U, 200, 200, 200, F],
  // Allowed callers get past the gate to the payload check (a real change would end their sessions).
  ['POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'short' }, U, U, 400, 400, 400, U],
  ['GET', '/api/sites', undefined, U, U, F, F, 200, U],
  ['POST', '/api/sites', { key: 'perm-site', name: '权限' }, U, U, F, F, 201, U],
  ['GET', '/api/sites/demo', undefined, U, U, F, F, 200, U],
  ['PATCH', '/api/sites/demo', { name: 'Demo' }, U, U, F, F, 200, U],
  ['POST', '/api/sites/demo/rotate-tokens', {}, U, U, F, F, 200, U],
  ['GET', '/api/team/me', undefined, U, U, 200, 200, 200, U],
  ['PUT', '/api/team/me/presence', { presence: 'online' }, U, U, 200, 200, 200, U],
  ['GET', '/api/team/agents', undefined, U, U, F, 200, 200, U],
  ['PATCH', () => `/api/team/agents/${agentIds.spare}`, { capacity: 3 }, U, U, F, F, 200, U],
  ['POST', '/api/team/invites', { email: 'new@kefu.test', role: 'agent', department: 'tech' }, U, U, F, F, 201, U],
  ['GET', '/api/team/invites/not-a-real-invite-token-000', undefined, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['POST', '/api/team/invites/not-a-real-invite-token-000/accept', { name: 'X', password: 'long password 1' }, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['GET', '/api/departments', undefined, U, U, 200, 200, 200, U],
  ['POST', '/api/departments', { key: 'perm', nameZh: '权限', nameEn: 'Perm' }, U, U, F, F, 201, U],
  ['PATCH', '/api/departments/tech', { nameEn: 'Technical support' }, U, U, F, F, 200, U],
  ['PUT', () => `/api/departments/tech/members/${agentIds.spare}`, undefined, U, U, F, F, 200, U],
  ['DELETE', () => `/api/departments/tech/members/${agentIds.spare}`, undefined, U, U, F, F, 200, U],
  ['DELETE', '/api/departments/doomed', undefined, U, U, F, F, 204, U],
  ['GET', '/api/service-hours', undefined, U, U, F, F, 200, U],
  ['PUT', '/api/service-hours', {}, U, U, F, F, 400, U],
  ['GET', '/api/canned-replies', undefined, U, U, 200, 200, 200, U],
  ['POST', '/api/canned-replies', { title: '我的', text: '个人回复' }, U, U, 201, 201, 201, U],
  ['POST', '/api/canned-replies', { title: '团队', text: '团队回复', team: true }, U, U, F, 201, 201, U],
  ['PATCH', () => `/api/canned-replies/${teamReplyIds[0]}`, { title: '问候' }, U, U, F, 200, 200, U],
  ['PATCH', '/api/canned-replies/missing', { title: 'x' }, U, U, 'not_found', 'not_found', 'not_found', U],
  // The supervisor deletes the team reply; the admin after them finds it gone.
  ['DELETE', () => `/api/canned-replies/${teamReplyIds[3]}`, undefined, U, U, F, 204, 'not_found', U],
  // 历史 / History: any signed-in agent searches closed conversations; a malformed query is refused past the gate.
  ['GET', '/api/conversations/history?text=%E9%80%80%E6%AC%BE', undefined, U, U, 200, 200, 200, U],
  ['GET', '/api/conversations/history?limit=51', undefined, U, U, 400, 400, 400, U],
  // Its CSV export is the whole desk's visitors at once: supervisors and admins.
  ['GET', '/api/conversations/history/export.csv?text=%E9%80%80%E6%AC%BE', undefined, U, U, F, 200, 200, U],
  // 工单 / Tickets: every signed-in agent lists (an agent only their departments' and their own); a ticket they may
  // not see, or one that does not exist, reads as not found; turning a conversation into a ticket needs the conversation.
  ['GET', '/api/tickets', undefined, U, U, 200, 200, 200, U],
  ['GET', '/api/tickets?tier=urgent&sort=due', undefined, U, U, 200, 200, 200, U],
  ['GET', '/api/tickets?status=pending', undefined, U, U, 400, 400, 400, U],
  ['GET', '/api/tickets/T20990101-0001', undefined, U, U, 'not_found', 'not_found', 'not_found', U],
  ['POST', '/api/tickets', { conversationId: 'missing' }, U, U, 'not_found', 'not_found', 'not_found', U],
  ['POST', '/api/tickets', { conversationId: '../x' }, U, U, 400, 400, 400, U],
  ['PATCH', '/api/tickets/T20990101-0001', { status: 'closed' }, U, U, 'not_found', 'not_found', 'not_found', U],
  ['POST', '/api/tickets/T20990101-0001/replies', { text: '您好' }, U, U, 'not_found', 'not_found', 'not_found', U],
  ['POST', '/api/tickets/T20990101-0001/notes', { text: '备注' }, U, U, 'not_found', 'not_found', 'not_found', U],
  // 满意度 / Satisfaction: averages for supervisors and admins; one ticket's rating for agents who may see the ticket.
  ['GET', '/api/ratings/summary', undefined, U, U, F, 200, 200, U],
  ['GET', '/api/ratings/summary?from=yesterday', undefined, U, U, F, 400, 400, U],
  ['GET', '/api/ratings/tickets/T20990101-0001', undefined, U, U, 'not_found', 'not_found', 'not_found', U],
  ['GET', '/api/reports/tickets', undefined, U, U, F, 200, 200, U],
  ['GET', '/api/reports/chats', undefined, U, U, F, 200, 200, U],
  ['GET', '/api/reports/tickets?from=2000&to=1000', undefined, U, U, F, 400, 400, U],
  // The public status page: anyone; a pair that opens nothing reads as not found to everyone, a visitor's token included.
  ['GET', '/status', undefined, 200, 200, 200, 200, 200, 200],
  ['POST', '/api/status/lookup', { number: 'T20990101-0002', email: 'who@example.com' }, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['POST', '/api/status/rating', { number: 'T20990101-0003', email: 'who@example.com', score: 5 }, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['GET', '/api/kb/entries?lang=en', undefined, U, U, 200, 200, 200, U],
  ['GET', '/api/kb/entries?lang=fr', undefined, U, U, 400, 400, 400, U],
  // 知识库 → 试一试: any signed-in agent asks how the bot reads a question.
  ['POST', '/api/kb/try', { text: '客服电话多少' }, U, U, 200, 200, 200, U],
  ['POST', '/api/kb/try', { text: '' }, U, U, 400, 400, 400, U],
  // Files belong to one conversation: an unknown one (or file) reads as not found to everyone, so nothing tells whether it exists.
  ['POST', '/api/conversations/missing/files', undefined, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['GET', '/api/files/missing/link', undefined, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  ['GET', '/api/files/missing', undefined, 'not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  // Loopback-only without METRICS_TOKEN, whoever asks.
  ['GET', '/metrics', undefined, 200, 200, 200, 200, 200, 200],
  ['POST', '/api/auth/logout', undefined, 204, 204, 204, 204, 204, 204],
];

describe('permission table', { timeout: 60_000 }, () => {
  it('every HTTP route answers each kind of caller as the table says', async () => {
    const seen: string[] = [];
    for (const [method, rawPath, body, ...expected] of HTTP_TABLE) {
      const path = typeof rawPath === 'function' ? rawPath() : rawPath;
      for (const [i, who] of WHO.entries()) {
        const identity = ids[who];
        const payload = body === 'own' ? (who === 'none' ? {} : { email: identity.email, password: identity.password }) : body;
        const res = await api(method, path, identity, payload);
        const got: Expect = res.status < 300 || res.status === 400 && typeof expected[i] === 'number' ? res.status : (res.code ?? res.status);
        seen.push(`${method} ${path} ${who}: ${got}`);
        expect(`${method} ${path} ${who}: ${got}`).toBe(`${method} ${path} ${who}: ${expected[i]}`);
      }
    }
    // Refused mutations changed nothing: the department that only an admin could create exists once, and the invite once.
    const admin = { ...ids.admin, cookie: await login(server.url) };
    const agents = (await api('GET', '/api/team/agents', admin)).json.agents as { email: string; capacity: number }[];
    expect(agents.find((a) => a.email === 'spare@kefu.test')?.capacity).toBe(3);
    const sites = (await api('GET', '/api/sites', admin)).json.sites as { key: string; name: string }[];
    expect(sites.filter((site) => site.key === 'perm-site')).toEqual([expect.objectContaining({ name: '权限' })]);
    expect(seen.length).toBe(HTTP_TABLE.length * WHO.length);
  });

  it('every agent socket event answers each kind of caller as the table says', async () => {
    // An expectation per role where the roles differ: [agent, supervisor, admin].
    const payloads: Record<keyof typeof AGENT_EVENT_ROLES, [unknown, string | [string, string, string]]> = {
      hello: [{}, 'ok'],
      accept: [{ conversationId: 'missing' }, 'not_found'],
      open: [{ conversationId: 'missing' }, 'not_found'],
      history: [{ conversationId: 'missing', beforeSeq: 5 }, 'not_found'],
      send: [{ conversationId: 'missing', clientId: 'c1', text: 'hi' }, 'not_found'],
      close: [{ conversationId: 'missing' }, 'not_found'],
      typing: [{ conversationId: 'missing', typing: true }, 'not_found'],
      read: [{ conversationId: 'missing', seq: 1 }, 'not_found'],
      note: [{ conversationId: 'missing', clientId: 'n1', text: 'internal' }, 'not_found'],
      transfer: [{ conversationId: 'missing', to: { department: 'tech' } }, 'not_found'],
      assign: [{ conversationId: 'missing', agentId: 'someone' }, [F, 'not_found', 'not_found']],
      listLive: [{}, [F, 'ok', 'ok']],
      listAgents: [{}, 'ok'],
    };
    expect(Object.keys(payloads).sort()).toEqual(Object.keys(AGENT_EVENT_ROLES).sort());
    const fresh: Record<Who, Identity> = { ...ids };
    for (const who of ['agent', 'supervisor', 'admin'] as const) fresh[who] = { ...ids[who], cookie: await login(server.url, ids[who].email, ids[who].password) };

    for (const who of WHO) {
      const identity = fresh[who];
      const socket = connectAgent(server.url, identity.cookie, who === 'visitor' ? { token: identity.bearer! } : {});
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? err.message));
      });
      if (who === 'none' || who === 'visitor' || who === 'disabled') {
        expect(`${who}: ${outcome}`).toBe(`${who}: unauthorized`);
        continue;
      }
      expect(`${who}: ${outcome}`).toBe(`${who}: connected`);
      for (const [event, [payload, expectation]] of Object.entries(payloads)) {
        const expected = typeof expectation === 'string' ? expectation : expectation[['agent', 'supervisor', 'admin'].indexOf(who)];
        const res = await agentCall(socket as AgentClient, event as keyof typeof payloads, payload);
        expect(`${who} ${event}: ${res.ok ? 'ok' : res.error.code}`).toBe(`${who} ${event}: ${expected}`);
      }
      // Names outside the table (a visitor event, a made-up one) are refused.
      for (const event of ['handoff', 'drop_everything']) {
        const res = await agentCall(socket as AgentClient, event as 'hello', {});
        expect(`${who} ${event}: ${res.ok ? 'ok' : res.error.code}`).toBe(`${who} ${event}: forbidden`);
      }
    }
  });
});
