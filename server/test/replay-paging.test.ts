/** A conversation past one replay page opens at its newest end on both sides and pages back to its first message. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, startServer, tempDir, visitorCall } from './support/test-server.ts';

const TOTAL = 1200;
const span = (messages: Message[]) => [messages[0]?.seq, messages.at(-1)?.seq, messages.length];

describe('replay and history of a 1,200-message conversation', () => {
  let server: KefuServer;
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    const dataDir = tempDir();
    server = await startServer({ dataDir });
    const v = connectVisitor(server.url);
    const hello = ok(await visitorCall(v, 'hello', {}));
    token = hello.token;
    conversationId = hello.conversation.id;
    v.disconnect();
    // A second connection to the same file writes the long past (the visitor rate limit would take an hour).
    const seed = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
    for (let i = 1; i <= TOTAL; i++) {
      await seed.appendMessage({ conversationId, clientId: `m${i}`, author: i % 2 ? 'visitor' : 'bot', text: `消息 ${i}`, createdAt: Date.now() });
    }
    await seed.close();
  });
  afterAll(async () => {
    closeClients();
    await server.close();
  });

  it('shows a fresh tab the newest 500 messages and pages back to message 1', async () => {
    const v = connectVisitor(server.url);
    const hello = ok(await visitorCall(v, 'hello', { token }));
    expect(hello.conversation.lastSeq).toBe(TOTAL);
    expect(span(hello.messages)).toEqual([701, 1200, 500]);
    expect(hello.messages.at(-1)!.text).toBe('消息 1200');
    expect(hello.hasOlder).toBe(true);

    const back = ok(await visitorCall(v, 'history', { beforeSeq: 701 }));
    expect([...span(back.messages), back.hasOlder]).toEqual([201, 700, 500, true]);
    const first = ok(await visitorCall(v, 'history', { conversationId, beforeSeq: 201 }));
    expect([...span(first.messages), first.hasOlder]).toEqual([1, 200, 200, false]);
    expect(first.messages[0]!.text).toBe('消息 1');
  });

  it('gives a reconnecting tab exactly what it missed when that fits in a page, else the newest page', async () => {
    const v = connectVisitor(server.url);
    const near = ok(await visitorCall(v, 'hello', { token, lastSeq: 1190 }));
    expect([...span(near.messages), near.hasOlder]).toEqual([1191, 1200, 10, true]);
    const upToDate = ok(await visitorCall(v, 'hello', { token, lastSeq: TOTAL }));
    expect([upToDate.messages.length, upToDate.hasOlder]).toEqual([0, true]);
    const far = ok(await visitorCall(v, 'hello', { token, lastSeq: 100 }));
    expect([...span(far.messages), far.hasOlder]).toEqual([701, 1200, 500, true]);
    // sync keeps its meaning: what follows afterSeq, for filling a gap.
    expect(span(ok(await visitorCall(v, 'sync', { afterSeq: 100 })).messages)).toEqual([101, 600, 500]);
  });

  it("keeps another visitor out of the history: someone else's conversation looks missing", async () => {
    const stranger = connectVisitor(server.url);
    ok(await visitorCall(stranger, 'hello', {}));
    const res = await visitorCall(stranger, 'history', { conversationId, beforeSeq: 701 });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await visitorCall(stranger, 'history', { beforeSeq: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('opens the newest page for an agent and pages back', async () => {
    const agent = connectAgent(server.url, await login(server.url));
    const opened = ok(await agentCall(agent, 'open', { conversationId }));
    expect([...span(opened.messages), opened.hasOlder]).toEqual([701, 1200, 500, true]);
    const resumed = ok(await agentCall(agent, 'open', { conversationId, afterSeq: 1195 }));
    expect([...span(resumed.messages), resumed.hasOlder]).toEqual([1196, 1200, 5, true]);
    const back = ok(await agentCall(agent, 'history', { conversationId, beforeSeq: 701 }));
    expect([...span(back.messages), back.hasOlder]).toEqual([201, 700, 500, true]);
    const first = ok(await agentCall(agent, 'history', { conversationId, beforeSeq: 201 }));
    expect([...span(first.messages), first.hasOlder]).toEqual([1, 200, 200, false]);
    const missing = await agentCall(agent, 'history', { conversationId: 'no-such-conversation', beforeSeq: 5 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
