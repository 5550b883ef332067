/**
 * Typing indicators and the agent's read mark on a real server (SQLite, sockets on 127.0.0.1):
 * relayed to the other side only, limited per socket, the mark reaches the visitor (live and after
 * a reconnect), and bad payloads get coded errors with nothing relayed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReadMark, TypingSignal } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { TYPING_ALLOWANCE } from '../src/socket/typing-and-read.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, joinTeam, login, ok, recorder, sleep, startServer, visitorCall, type AgentClient, type VisitorClient } from './support/test-server.ts';

let server: KefuServer;
let adminCookie: string;
let agentCookie: string;

beforeAll(async () => {
  server = await startServer();
  adminCookie = await login(server.url);
  // A plain agent, so "assigned to someone else" can be tried from an agent who is not an admin.
  agentCookie = (await joinTeam(server.url, adminCookie, 'li@kefu.test', 'agent', 'Li')).cookie;
  // Someone on duty, so a handoff queues rather than offering to leave a message.
  const presence = await fetch(`${server.url}/api/team/me/presence`, {
    method: 'PUT',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ presence: 'online' }),
  });
  expect(presence.status).toBe(200);
});
afterAll(() => server.close());
afterEach(closeClients);

async function visitor(token?: string) {
  const socket = connectVisitor(server.url);
  const typing = recorder<TypingSignal>(socket, 'typing');
  const reads = recorder<ReadMark>(socket, 'read');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', token }));
  return { socket, typing, reads, hello, conversationId: hello.conversation.id };
}

async function agent(cookie = adminCookie) {
  const socket = connectAgent(server.url, cookie);
  const typing = recorder<TypingSignal>(socket, 'typing');
  const reads = recorder<ReadMark>(socket, 'read');
  ok(await agentCall(socket, 'hello', {}));
  return { socket, typing, reads };
}

/** A visitor who asked for a human and whose conversation the admin now has open and assigned. */
async function assignedPair() {
  const v = await visitor();
  const a = await agent();
  ok(await visitorCall(v.socket, 'send', { clientId: 'q1', text: '你好，我的订单还没到' }));
  ok(await visitorCall(v.socket, 'handoff', { clientId: 'h1' }));
  const accepted = await agentCall(a.socket, 'accept', { conversationId: v.conversationId });
  // Routing may have given it to the admin already; then opening it is what watching takes.
  const detail = accepted.ok ? accepted.data : ok(await agentCall(a.socket, 'open', { conversationId: v.conversationId }));
  expect(detail.conversation).toMatchObject({ state: 'assigned' });
  return { v, a, lastSeq: detail.conversation.lastSeq };
}

const silentFor = async (seen: unknown[], ms = 300) => {
  await sleep(ms);
  return seen.length;
};

describe('typing', () => {
  it('the visitor’s typing reaches the agent watching their conversation, and no other visitor', async () => {
    const { v, a } = await assignedPair();
    const bystander = await visitor();
    ok(await visitorCall(v.socket, 'typing', { conversationId: v.conversationId, typing: true }));
    expect(await a.typing.next()).toEqual({ conversationId: v.conversationId, typing: true });
    ok(await visitorCall(v.socket, 'typing', { conversationId: v.conversationId, typing: false }));
    await a.typing.next((s) => !s.typing);
    // The agent's typing goes to this visitor only; the visitor never hears their own.
    ok(await agentCall(a.socket, 'typing', { conversationId: v.conversationId, typing: true }));
    expect(await v.typing.next()).toEqual({ conversationId: v.conversationId, typing: true });
    expect(await silentFor(bystander.typing.seen)).toBe(0);
    expect(v.typing.seen).toHaveLength(1);
    expect(a.typing.seen).toHaveLength(2);
  });

  it('an agent who has not opened the conversation hears nothing; one on someone else’s conversation is refused', async () => {
    const { v } = await assignedPair();
    const other = await agent(agentCookie);
    ok(await visitorCall(v.socket, 'typing', { conversationId: v.conversationId, typing: true }));
    const res = await agentCall(other.socket, 'typing', { conversationId: v.conversationId, typing: true });
    expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
    const read = await agentCall(other.socket, 'read', { conversationId: v.conversationId, seq: 1 });
    expect(read.ok ? 'ok' : read.error.code).toBe('forbidden');
    expect(await silentFor(other.typing.seen)).toBe(0);
    expect(v.typing.seen).toHaveLength(0);
    expect(v.reads.seen).toHaveLength(0);
  });

  it('limits each socket to its allowance: the rest are rate_limited and not relayed', async () => {
    const { v, a } = await assignedPair();
    const sent = TYPING_ALLOWANCE.events + 5;
    const results = await Promise.all(
      Array.from({ length: sent }, (_, i) => visitorCall(v.socket, 'typing', { conversationId: v.conversationId, typing: i % 2 === 0 })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(TYPING_ALLOWANCE.events);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(5);
    await silentFor(a.typing.seen);
    expect(a.typing.seen).toHaveLength(TYPING_ALLOWANCE.events);
  });

  it('typing on a conversation that is not the visitor’s is not_found, and nothing is relayed', async () => {
    const { v, a } = await assignedPair();
    const intruder = await visitor();
    const res = await visitorCall(intruder.socket, 'typing', { conversationId: v.conversationId, typing: true });
    expect(res.ok ? 'ok' : res.error.code).toBe('not_found');
    expect(await silentFor(a.typing.seen)).toBe(0);
  });
});

describe('read state', () => {
  it('the agent’s read mark reaches the visitor live, after a reconnect, and the agent’s other tab', async () => {
    const { v, a, lastSeq } = await assignedPair();
    const otherTab = await agent();
    const mark = ok(await agentCall(a.socket, 'read', { conversationId: v.conversationId, seq: lastSeq }));
    expect(mark).toEqual({ conversationId: v.conversationId, seq: lastSeq });
    expect(await v.reads.next()).toEqual({ conversationId: v.conversationId, seq: lastSeq });
    expect(await otherTab.reads.next()).toEqual({ conversationId: v.conversationId, seq: lastSeq });
    // A lower mark (an older tab) never moves it back, and is not pushed again.
    expect(ok(await agentCall(a.socket, 'read', { conversationId: v.conversationId, seq: 1 })).seq).toBe(lastSeq);
    // A reload: the new socket hears the mark right after its hello.
    const again = await visitor(v.hello.token);
    expect(again.conversationId).toBe(v.conversationId);
    expect(await again.reads.next()).toEqual({ conversationId: v.conversationId, seq: lastSeq });
    expect(await silentFor(v.reads.seen)).toBe(1);
  });

  it('a fresh visitor gets no read mark after hello', async () => {
    const v = await visitor();
    expect(await silentFor(v.reads.seen)).toBe(0);
  });

  it('bad payloads get coded errors and change nothing', async () => {
    const { v, a, lastSeq } = await assignedPair();
    const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
    expect(codeOf(await agentCall(a.socket, 'read', { conversationId: v.conversationId, seq: lastSeq + 1 }))).toBe('bad_request');
    expect(codeOf(await agentCall(a.socket, 'read', { conversationId: v.conversationId, seq: -1 }))).toBe('bad_request');
    expect(codeOf(await agentCall(a.socket, 'read', { conversationId: v.conversationId }))).toBe('bad_request');
    expect(codeOf(await agentCall(a.socket, 'read', [v.conversationId, 1]))).toBe('bad_request');
    expect(codeOf(await agentCall(a.socket, 'typing', { conversationId: v.conversationId, typing: 'yes' }))).toBe('bad_request');
    expect(codeOf(await agentCall(a.socket, 'typing', { conversationId: '../x y', typing: true }))).toBe('bad_request');
    expect(codeOf(await visitorCall(v.socket, 'typing', { conversationId: v.conversationId }))).toBe('bad_request');
    expect(codeOf(await visitorCall(v.socket, 'typing', 'typing'))).toBe('bad_request');
    // Before hello a visitor socket is nobody.
    const anonymous = connectVisitor(server.url) as VisitorClient;
    expect(codeOf(await visitorCall(anonymous, 'typing', { conversationId: v.conversationId, typing: true }))).toBe('unauthorized');
    // A closed conversation has nobody typing or reading any more.
    ok(await agentCall(a.socket, 'close', { conversationId: v.conversationId }));
    expect(codeOf(await agentCall(a.socket, 'typing', { conversationId: v.conversationId, typing: true }))).toBe('invalid_state');
    expect(codeOf(await agentCall(a.socket, 'read', { conversationId: v.conversationId, seq: 1 }))).toBe('invalid_state');
    expect(await silentFor(v.reads.seen)).toBe(0);
    expect(v.typing.seen).toHaveLength(0);
    expect((a.socket as AgentClient).connected).toBe(true);
  });
});
