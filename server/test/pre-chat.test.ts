/**
 * The site's pre-chat form on the server: a required form refuses a first handoff without its answers
 * (and stores nothing), an optional one takes it either way, bad answers are refused, the answers become
 * the visitor's unsigned name and contact on the agent's card (a verified identity keeps its own), and
 * the department goes: the visitor's choice, else the last answered entry's, else the site's default.
 * A typed 转人工 on a site with a form gets the form instead of the queue.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, PreChatSettings } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { identitySignature } from '../src/security/identity.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { SitePatch } from '../src/storage/storage.ts';
import { agentCall, agentOnDuty, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, tempDir, visitorCall } from './support/test-server.ts';

const SECRET = 'identity-secret-for-tests-0123';
const ASK_ALL = { askName: true, askContact: true, askDepartment: true };

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server whose default site has `patch` (its pre-chat form, default department), written into its database. */
async function serve(patch: SitePatch) {
  const dataDir = tempDir();
  const server = await startServer({ dataDir, identitySecret: SECRET });
  servers.push(server);
  const storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  try {
    expect(await storage.updateSite('demo', patch)).toBeDefined();
  } finally {
    await storage.close();
  }
  return { server, adminCookie: await login(server.url) };
}

const form = (mode: PreChatSettings['mode'], ask: Partial<PreChatSettings> = ASK_ALL): PreChatSettings => ({
  mode,
  askName: false,
  askContact: false,
  askDepartment: false,
  ...ask,
});

async function visitor(server: KefuServer, identity?: object) {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', ...(identity ? { identity } : {}) }));
  const ask = async (text: string): Promise<Message> => {
    const sent = ok(await visitorCall(socket, 'send', { clientId: `q-${Math.random().toString(36).slice(2)}`, text })).message;
    return messages.next((m) => m.author !== 'visitor' && m.seq > sent.seq);
  };
  const transcript = async () => ok(await visitorCall(socket, 'sync', { afterSeq: 0 })).messages;
  return { socket, messages, hello, id: hello.conversation.id, ask, transcript };
}

/** An agent of `department`, invited by the admin, with their console open. */
async function teammate(server: KefuServer, adminCookie: string, email: string, department: string) {
  const invited = await fetch(`${server.url}/api/team/invites`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role: 'agent', department }),
  });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `客服${email.slice(0, 2)}`, password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const id = ((await accepted.json()) as { agent: { id: string } }).agent.id;
  const socket = connectAgent(server.url, cookie);
  const conversations = recorder<ConversationSummary>(socket, 'conversation');
  ok(await agentCall(socket, 'hello', {}));
  return { id, socket, conversations };
}

describe('pre-chat form, required', () => {
  it('refuses a first handoff without the answers or with bad ones, storing nothing; the answers route it and reach the card', async () => {
    const { server, adminCookie } = await serve({ preChat: form('required') });
    const billing = await teammate(server, adminCookie, 'bo@team.test', 'billing');
    const tech = await teammate(server, adminCookie, 'te@team.test', 'tech');
    const v = await visitor(server);
    await v.ask('怎么开发票？');
    const before = await v.transcript();

    const refused = await visitorCall(v.socket, 'handoff', { clientId: 'h1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'prechat_required' } });
    expect(!refused.ok && refused.error.message).toMatch(/name, contact, department/);
    const partly = await visitorCall(v.socket, 'handoff', { clientId: 'h1', preChat: { name: '李四' } });
    expect(partly).toMatchObject({ ok: false, error: { code: 'prechat_required' } });
    for (const preChat of [
      { name: '李四', contact: 'not a contact', department: 'tech' },
      { name: '', contact: 'li@example.com', department: 'tech' },
      { name: '李四', contact: 'li@example.com', department: 'Tech!' },
      { name: '李四', contact: 'li@example.com', department: 'nowhere' },
    ]) {
      expect(await visitorCall(v.socket, 'handoff', { clientId: 'h1', preChat })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // Nothing of it was stored: no 转人工 message, still with the bot, no name.
    expect(await v.transcript()).toEqual(before);
    const card0 = ok(await agentCall(billing.socket, 'open', { conversationId: v.id })).card;
    expect(card0?.identity).toBeUndefined();

    // The visitor chose tech, though the bot last answered a billing question.
    const done = ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1', preChat: { name: ' 李四 ', contact: '+86 138-0000-0000', department: 'tech' } }));
    expect(done.conversation.state).toBe('assigned');
    const listed = await tech.conversations.next((c) => c.id === v.id);
    expect(listed).toMatchObject({ assignedAgentId: tech.id, department: 'tech', visitorName: '李四' });
    const opened = ok(await agentCall(tech.socket, 'open', { conversationId: v.id }));
    expect(opened.card?.identity).toEqual({ name: '李四', phone: '+86 138-0000-0000', verified: false });

    // Handed off once, the next request needs no form (after leaving the queue or being closed and written to again).
    ok(await agentCall(tech.socket, 'close', { conversationId: v.id }));
    expect(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h2' })).conversation.state).not.toBe('bot');
  });

  it('answers a typed 转人工 with the form instead of the queue; the form\'s handoff then goes through', async () => {
    const { server } = await serve({ preChat: form('required', { askName: true, askContact: true }) });
    await agentOnDuty(server.url);
    const v = await visitor(server);
    const reply = await v.ask('转人工客服');
    expect(reply).toMatchObject({ author: 'bot', meta: { preChat: true } });
    expect(reply.text).toMatch(/填写/);
    expect((await v.transcript()).some((m) => m.meta?.notice === 'queued')).toBe(false);
    const queued = ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1', preChat: { name: 'Ann', contact: 'ann@example.com' } }));
    expect(queued.conversation.state).toBe('queued');
    // The department was not asked: the site's default (none set) leaves the existing fallback.
    const agent = connectAgent(server.url, await login(server.url));
    const queue = ok(await agentCall(agent, 'hello', {})).queue;
    expect(queue.find((c) => c.id === v.id)).toMatchObject({ department: 'general', visitorName: 'Ann', identity: { name: 'Ann', email: 'ann@example.com', verified: false } });
  });

  it('keeps the name and email a verified identity signed; a phone from the form is added', async () => {
    const { server } = await serve({ preChat: form('required', { askName: true, askContact: true }) });
    const agent = await agentOnDuty(server.url);
    const signed = { userId: '42', name: '张三', email: 'zhang@example.com', signature: identitySignature('42', SECRET) };
    const v = await visitor(server, signed);
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1', preChat: { name: '假名', contact: 'fake@example.com' } }));
    const w = await visitor(server, { ...signed, userId: '43', signature: identitySignature('43', SECRET) });
    ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1', preChat: { name: '假名', contact: '13800000000' } }));
    const card = (id: string) => agentCall(agent, 'open', { conversationId: id }).then((r) => ok(r).card?.identity);
    expect(await card(v.id)).toEqual({ name: '张三', email: 'zhang@example.com', userId: '42', verified: true });
    expect(await card(w.id)).toEqual({ name: '张三', email: 'zhang@example.com', phone: '13800000000', userId: '43', verified: true });
  });
});

describe('pre-chat form, optional and off', () => {
  it('optional: hands off with or without answers; off: the answers change nothing and a typed 转人工 queues at once', async () => {
    const { server } = await serve({ preChat: form('optional') });
    await agentOnDuty(server.url);
    const v = await visitor(server);
    expect(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('queued');
    const w = await visitor(server);
    // Optional answers are still checked.
    expect(await visitorCall(w.socket, 'handoff', { clientId: 'h1', preChat: { department: 'nowhere' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1', preChat: { name: '王五' } })).conversation.state).toBe('queued');
    // A typed request on an optional site shows the form too (with its skip).
    const x = await visitor(server);
    expect((await x.ask('转人工客服')).meta?.preChat).toBe(true);

    const off = await serve({ preChat: form('off') });
    await agentOnDuty(off.server.url);
    const y = await visitor(off.server);
    expect(ok(await visitorCall(y.socket, 'handoff', { clientId: 'h1', preChat: { name: '赵六' } })).conversation.state).toBe('queued');
    const agent = connectAgent(off.server.url, await login(off.server.url));
    expect(ok(await agentCall(agent, 'hello', {})).queue.find((c) => c.id === y.id)?.identity).toBeUndefined();
    const z = await visitor(off.server);
    await z.ask('转人工客服');
    await z.messages.next((m) => m.meta?.notice === 'queued');
  });
});

describe('pre-chat department routing', () => {
  it('without a choice: the last answered entry\'s department, else the site\'s default', async () => {
    const { server, adminCookie } = await serve({ preChat: form('optional', { askDepartment: true }), defaultDepartment: 'tech' });
    const billing = await teammate(server, adminCookie, 'bo@team.test', 'billing');
    const tech = await teammate(server, adminCookie, 'te@team.test', 'tech');
    const v = await visitor(server);
    await v.ask('怎么开发票？');
    expect(ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('assigned');
    expect(await billing.conversations.next((c) => c.id === v.id)).toMatchObject({ department: 'billing', assignedAgentId: billing.id });
    const w = await visitor(server);
    expect(ok(await visitorCall(w.socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('assigned');
    expect(await tech.conversations.next((c) => c.id === w.id)).toMatchObject({ department: 'tech', assignedAgentId: tech.id });
  });
});
