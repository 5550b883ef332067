/**
 * When a supervisor gives B's conversation to someone else, B's console is told who has it now (so it leaves
 * B's list) and stops receiving its messages; the visitor is told too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentRole, ConversationSummary, Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, visitorCall } from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;

/** Invited by the admin into `department`, signed in with an open console, online. */
async function member(email: string, role: AgentRole, department?: string) {
  const headers = { cookie: adminCookie, 'content-type': 'application/json' };
  const invited = await fetch(`${server.url}/api/team/invites`, { method: 'POST', headers, body: JSON.stringify({ email, role, ...(department ? { department } : {}) }) });
  expect(invited.status).toBe(201);
  const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
  const name = email.split('@')[0]!.toUpperCase();
  const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'a long enough password' }),
  });
  expect(accepted.status).toBe(201);
  const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const id = ((await accepted.json()) as { agent: { id: string } }).agent.id;
  const socket = connectAgent(server.url, cookie);
  const conversations = recorder<ConversationSummary>(socket, 'conversation');
  const messages = recorder<Message>(socket, 'message');
  ok(await agentCall(socket, 'hello', {}));
  return { id, name, socket, conversations, messages };
}

/** A visitor who asked the billing question and was handed to a billing agent. */
async function assignedVisitor() {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const id = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' })).conversation.id;
  ok(await visitorCall(socket, 'send', { clientId: 'q1', text: '怎么开发票？' }));
  await messages.next((m) => m.author === 'bot');
  expect(ok(await visitorCall(socket, 'handoff', { clientId: 'h1' })).conversation.state).toBe('assigned');
  return { socket, messages, id, say: (clientId: string, text: string) => visitorCall(socket, 'send', { clientId, text }) };
}

describe('the previous agent after a supervisor reassigns their conversation', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url);
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
  });

  it('assign: B is told the conversation is with C, and no longer receives its messages', async () => {
    const b = await member('bee@team.test', 'agent', 'billing');
    const c = await member('cee@team.test', 'agent', 'complaints');
    const s = await member('sue@team.test', 'supervisor');
    const v = await assignedVisitor();
    await b.conversations.next((conv) => conv.id === v.id && conv.assignedAgentId === b.id);

    ok(await agentCall(s.socket, 'assign', { conversationId: v.id, agentId: c.id }));
    const told = await b.conversations.next((conv) => conv.id === v.id && conv.assignedAgentId !== b.id);
    expect(told).toMatchObject({ state: 'assigned', assignedAgentId: c.id, assignedAgentName: c.name });
    expect((await v.messages.next((m) => m.meta?.notice === 'transferred')).meta?.params).toEqual({ agentName: c.name });

    ok(await v.say('q2', '还在吗？'));
    await c.messages.next((m) => m.text === '还在吗？');
    expect(b.messages.seen.some((m) => m.text === '还在吗？'), 'B still receives the messages of a conversation that went to C').toBe(false);
  });
});
