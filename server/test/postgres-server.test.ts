/**
 * A real Kefu server on PostgreSQL (TEST_DATABASE_URL, its own schema): visitor → bot → handoff →
 * two agents racing to accept → replies both ways → close → rating, then a restart on the same
 * schema that keeps everything. Without a database, a clear refusal to start.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { KefuError } from '../src/kefu-error.ts';
import { startTestProxy } from '../src/storage/postgres/postgres-test-proxy.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, tempDir, visitorCall } from './support/test-server.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('Kefu on PostgreSQL (needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)', () => {
  let schema: TestSchema;
  let server: KefuServer;
  let cookie: string;
  const dataDir = tempDir();
  beforeAll(async () => {
    schema = await createTestSchema(url!);
    server = await startServer({ databaseUrl: schema.url, dataDir });
    cookie = await login(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await schema?.drop();
  });
  afterEach(closeClients);

  async function visitor(token?: string) {
    const socket = connectVisitor(server.url);
    const messages = recorder<Message>(socket, 'message');
    const conversations = recorder<VisitorConversation>(socket, 'conversation');
    const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', ...(token ? { token } : {}) }));
    return { socket, messages, conversations, hello };
  }

  async function agent() {
    const socket = connectAgent(server.url, cookie);
    const queue = recorder<ConversationSummary[]>(socket, 'queue');
    const messages = recorder<Message>(socket, 'message');
    const hello = ok(await agentCall(socket, 'hello', {}));
    return { socket, queue, messages, hello };
  }

  it('serves a visitor from the bot to an agent and back, with every row in PostgreSQL', async () => {
    const v = await visitor();
    const id = v.hello.conversation.id;
    const asked = ok(await visitorCall(v.socket, 'send', { clientId: 'p1', text: '客服热线是多少？' })).message;
    const answer = await v.messages.next((m) => m.author === 'bot' && m.seq > asked.seq);
    expect(answer.text).toContain('400-XXX-XXXX');

    // Both consoles open first: with nobody present a handoff offers to leave a message instead.
    const [a1, a2] = [await agent(), await agent()];
    ok(await visitorCall(v.socket, 'handoff', { clientId: 'p2' }));
    await v.conversations.next((c) => c.state === 'queued');
    expect((await a1.queue.next((list) => list.length > 0)).map((c) => c.id)).toEqual([id]);
    const accepts = await Promise.all([agentCall(a1.socket, 'accept', { conversationId: id }), agentCall(a2.socket, 'accept', { conversationId: id })]);
    expect(accepts.filter((r) => r.ok)).toHaveLength(1);
    expect(accepts.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['conflict']);
    const winner = accepts[0]!.ok ? a1 : a2;
    expect((await v.conversations.next((c) => c.state === 'assigned')).agentName).toBe('Admin');

    const reply = ok(await agentCall(winner.socket, 'send', { conversationId: id, clientId: 'r1', text: '您好，我是客服小王。' })).message;
    expect(await v.messages.next((m) => m.author === 'agent')).toMatchObject({ text: '您好，我是客服小王。', seq: reply.seq });
    const question = ok(await visitorCall(v.socket, 'send', { clientId: 'p3', text: '我的发票开不出来' })).message;
    expect((await winner.messages.next((m) => m.id === 'p3')).seq).toBe(question.seq);

    ok(await agentCall(winner.socket, 'close', { conversationId: id }));
    await v.conversations.next((c) => c.state === 'closed');
    expect(ok(await visitorCall(v.socket, 'rate', { conversationId: id, score: 5 })).conversation.rating).toBe(5);
    const twice = await visitorCall(v.socket, 'rate', { conversationId: id, score: 1 });
    expect(!twice.ok && twice.error.code).toBe('invalid_state');

    const transcript = ok(await visitorCall(v.socket, 'sync', { afterSeq: 0 })).messages;
    expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => i + 1));
    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      const stored = await db.query<{ seq: number; client_id: string }>('SELECT seq, client_id FROM messages WHERE conversation_id = $1 ORDER BY seq', [id]);
      expect(stored.rows.map((r) => r.seq)).toEqual(transcript.map((m) => m.seq));
      const conv = await db.query<{ state: string; rating: number }>('SELECT state, rating FROM conversations WHERE id = $1', [id]);
      expect(conv.rows[0]).toEqual({ state: 'closed', rating: 5 });
    } finally {
      await db.end();
    }
    // Nothing went to the embedded database.
    expect(existsSync(join(dataDir, 'kefu.sqlite'))).toBe(false);
  });

  it('keeps visitors, transcripts and sign-ins across a restart on the same schema', async () => {
    const v = await visitor();
    const sent = ok(await visitorCall(v.socket, 'send', { clientId: 'k1', text: '客服热线是多少？' })).message;
    await v.messages.next((m) => m.author === 'bot' && m.seq > sent.seq);
    closeClients();
    await server.close();
    server = await startServer({ databaseUrl: schema.url, dataDir });

    const back = await visitor(v.hello.token);
    expect(back.hello.conversation.id).toBe(v.hello.conversation.id);
    expect(back.hello.messages.map((m) => [m.seq, m.author])).toEqual([
      [1, 'visitor'],
      [2, 'bot'],
    ]);
    // The session cookie from before the restart still signs the agent in.
    expect((await agent()).hello).toBeDefined();
  });

  it('answers a send during a database outage with the retryable unavailable, and takes the resend once it is back', async () => {
    const proxy = await startTestProxy(schema.url);
    const cutOff = await startServer({ databaseUrl: proxy.url, dataDir: tempDir() });
    try {
      const socket = connectVisitor(cutOff.url);
      const messages = recorder<Message>(socket, 'message');
      ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
      const first = ok(await visitorCall(socket, 'send', { clientId: 'o1', text: '客服热线是多少？' })).message;
      await messages.next((m) => m.author === 'bot' && m.seq > first.seq);

      await proxy.cut();
      const during = await visitorCall(socket, 'send', { clientId: 'o2', text: '服务时间？' });
      expect(!during.ok && during.error.code).toBe('unavailable');
      await proxy.restore();
      // The widget resends with the same client id; no restart needed.
      const resent = ok(await visitorCall(socket, 'send', { clientId: 'o2', text: '服务时间？' })).message;
      expect(resent.seq).toBe(first.seq + 2);
      await messages.next((m) => m.author === 'bot' && m.seq > resent.seq);
    } finally {
      closeClients();
      await cutOff.close();
      await proxy.close();
    }
  });
});

describe('Kefu with DATABASE_URL and no database listening', () => {
  it('refuses to start, naming the database but not the password', async () => {
    const starting = startServer({ databaseUrl: 'postgres://kefu:secret@127.0.0.1:1/kefu' });
    await expect(starting).rejects.toSatisfy(
      (err: unknown) => err instanceof KefuError && err.code === 'unavailable' && err.message === 'PostgreSQL at 127.0.0.1:1/kefu could not be reached',
    );
  });
});
