/**
 * History on a real server (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): a visitor who writes after
 * an agent closed their conversation starts a new one linked to it (the agent sees the link and the closed
 * one in the handoff card), the rating still goes to the closed one, and GET /api/conversations/history
 * finds closed conversations by a Chinese word, the visitor's name, the agent and the closing day, a page
 * at a time; a malformed query is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySearchResult, Message, VisitorConversation } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, login, ok, recorder, startServer, visitorCall, type AgentClient } from './support/test-server.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`conversation history (${database})`, { timeout: 60_000 }, () => {
  let server: KefuServer;
  let schema: TestSchema | undefined;
  let cookie: string;
  let agent: AgentClient;
  let agentId: string;

  beforeAll(async () => {
    if (database === 'postgres') schema = await createTestSchema(pgUrl!);
    server = await startServer(schema ? { databaseUrl: schema.url } : {});
    cookie = await login(server.url);
    agent = connectAgent(server.url, cookie);
    agentId = ok(await agentCall(agent, 'hello', {})).agent.id;
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
    await schema?.drop();
  });

  const search = async (query: string): Promise<{ status: number; body: HistorySearchResult & { code?: string } }> => {
    const res = await fetch(`${server.url}/api/conversations/history${query}`, { headers: { cookie } });
    return { status: res.status, body: (await res.json()) as HistorySearchResult & { code?: string } };
  };

  /** A named visitor asks for a human, the admin accepts, the visitor says `words`, and the admin closes. */
  let chats = 0;
  async function closedChat(name: string, words: string) {
    const tag = `c${++chats}`;
    const socket = connectVisitor(server.url);
    const messages = recorder<Message>(socket, 'message');
    const conversations = recorder<VisitorConversation>(socket, 'conversation');
    const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', identity: { name } }));
    const id = hello.conversation.id;
    ok(await visitorCall(socket, 'send', { clientId: `${tag}-1`, text: '转人工客服' }));
    await conversations.next((c) => c.id === id && c.state === 'queued');
    ok(await agentCall(agent, 'accept', { conversationId: id }));
    ok(await visitorCall(socket, 'send', { clientId: `${tag}-2`, text: words }));
    ok(await agentCall(agent, 'send', { conversationId: id, clientId: `${tag}-r`, text: '好的，马上为您处理。' }));
    ok(await agentCall(agent, 'close', { conversationId: id }));
    await conversations.next((c) => c.id === id && c.state === 'closed');
    return { socket, messages, conversations, id, token: hello.token };
  }

  it('writing after a close starts a new conversation linked to the closed one, which keeps its rating', async () => {
    const v = await closedChat('王小明', '我的发票抬头写错了');
    const again = ok(await visitorCall(v.socket, 'send', { clientId: 'after-1', text: '还有一个问题' })).message;
    expect(again.conversationId).not.toBe(v.id);
    // The widget switches: a conversation push for the new one, which starts with the divider notice.
    const next = await v.conversations.next((c) => c.id === again.conversationId);
    expect(next).toMatchObject({ state: 'bot', ratingPending: false });
    const divider = await v.messages.next((m) => m.conversationId === again.conversationId && m.meta?.notice === 'reopened');
    expect(divider.seq).toBe(1);
    // A resend of the same message stores nothing new and starts nothing new.
    expect(ok(await visitorCall(v.socket, 'send', { clientId: 'after-1', text: '还有一个问题' })).message).toMatchObject({ id: 'after-1', conversationId: again.conversationId, seq: again.seq });

    // The rating form was for the closed conversation: the rating lands there, not on the new one.
    const rated = ok(await visitorCall(v.socket, 'rate', { conversationId: v.id, score: 5, comment: '很快' }));
    expect(rated.conversation).toMatchObject({ id: v.id, state: 'closed', rating: 5 });
    const refused = await visitorCall(v.socket, 'rate', { conversationId: again.conversationId, score: 1 });
    expect(!refused.ok && refused.error.code).toBe('invalid_state');

    // The agent sees the link on the new conversation and the closed one among the visitor's earlier ones.
    const detail = ok(await agentCall(agent, 'open', { conversationId: again.conversationId }));
    expect(detail.conversation.previousConversationId).toBe(v.id);
    expect(detail.card?.earlier.map((c) => [c.id, c.state])).toEqual([[v.id, 'closed']]);
    // A reload resumes the new conversation, and pages back from its first message into the closed one.
    const tab = connectVisitor(server.url);
    const reloaded = ok(await visitorCall(tab, 'hello', { token: v.token }));
    expect(reloaded.conversation.id).toBe(again.conversationId);
    expect(reloaded.messages[0]?.seq).toBe(1);
    expect(reloaded.hasOlder).toBe(true);
    const earlier = ok(await visitorCall(tab, 'history', { conversationId: again.conversationId, beforeSeq: 1 }));
    expect(earlier.hasOlder).toBe(false);
    expect(new Set(earlier.messages.map((m) => m.conversationId))).toEqual(new Set([v.id]));
    expect(earlier.messages.map((m) => m.text)).toContain('我的发票抬头写错了');
    // Another visitor's token cannot page into it.
    const stranger = connectVisitor(server.url);
    ok(await visitorCall(stranger, 'hello', {}));
    const refusedPage = await visitorCall(stranger, 'history', { conversationId: again.conversationId, beforeSeq: 1 });
    expect(!refusedPage.ok && refusedPage.error.code).toBe('not_found');
  });

  it('the 转人工客服 button after a close queues a new conversation for the agents', async () => {
    const v = await closedChat('李雷', '快递一直没到');
    const res = ok(await visitorCall(v.socket, 'handoff', { clientId: 'human-again' }));
    expect(res.conversation.id).not.toBe(v.id);
    expect(res.conversation.state).toBe('queued');
    const detail = ok(await agentCall(agent, 'accept', { conversationId: res.conversation.id }));
    expect(detail.conversation.previousConversationId).toBe(v.id);
    expect(ok(await agentCall(agent, 'close', { conversationId: res.conversation.id })).conversation.state).toBe('closed');
  });

  it('finds closed conversations by a Chinese word, the visitor, the agent and the day, newest first, a page at a time', async () => {
    const older = await closedChat('韩梅梅', '退款什么时候到账');
    const newer = await closedChat('Alice Chen', 'Where is my 退款 refund?');
    ok(await visitorCall(newer.socket, 'rate', { conversationId: newer.id, score: 4 }));

    const byWord = await search(`?text=${encodeURIComponent('退款')}`);
    expect(byWord.status).toBe(200);
    expect(byWord.body.conversations.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(byWord.body.conversations[0]).toMatchObject({
      visitorName: 'Alice Chen',
      agentId,
      agentName: 'Admin',
      firstQuestion: 'Where is my 退款 refund?',
      rating: 4,
      lang: 'zh-CN',
    });
    expect(byWord.body.nextCursor).toBeUndefined();
    expect((await search(`?visitor=${encodeURIComponent('梅梅')}`)).body.conversations.map((c) => c.id)).toEqual([older.id]);
    expect((await search('?visitor=alice')).body.conversations.map((c) => c.id)).toEqual([newer.id]);
    expect((await search(`?text=${encodeURIComponent('退款')}&visitor=${encodeURIComponent('韩')}`)).body.conversations.map((c) => c.id)).toEqual([older.id]);
    expect((await search(`?agent=${agentId}&text=${encodeURIComponent('抬头')}`)).body.conversations).toHaveLength(1);
    expect((await search(`?agent=someone-else&text=${encodeURIComponent('退款')}`)).body.conversations).toEqual([]);
    const closedAt = byWord.body.conversations[0]!.closedAt;
    expect((await search(`?text=${encodeURIComponent('退款')}&from=${closedAt + 1}`)).body.conversations).toEqual([]);
    expect((await search(`?text=${encodeURIComponent('退款')}&from=${closedAt}&to=${closedAt + 1}`)).body.conversations.map((c) => c.id)).toEqual([newer.id]);

    // Five closed conversations so far (one continued, one reopened by the button, three more): two pages of two, then one.
    const seen: string[] = [];
    let query = '?limit=2';
    for (let page = 0; page < 10; page++) {
      const { body } = await search(query);
      expect(body.conversations.length).toBeLessThanOrEqual(2);
      seen.push(...body.conversations.map((c) => c.id));
      if (!body.nextCursor) break;
      query = `?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    const all = (await search('?limit=50')).body.conversations;
    expect(seen).toEqual(all.map((c) => c.id));
    expect(all.length).toBe(5);
    expect([...all].sort((a, b) => b.closedAt - a.closedAt).map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('refuses a malformed query with bad_request, and anyone not signed in', async () => {
    for (const query of ['?limit=51', '?limit=0', '?cursor=nope', '?from=yesterday', `?text=${'长'.repeat(201)}`, '?agent=a%20b']) {
      const res = await search(query);
      expect(`${query.slice(0, 20)}: ${res.status} ${res.body.code}`).toBe(`${query.slice(0, 20)}: 400 bad_request`);
    }
    const anonymous = await fetch(`${server.url}/api/conversations/history`);
    expect(anonymous.status).toBe(401);
  });

  it('exports the search as a CSV file a spreadsheet opens: BOM, the filters applied, fields quoted, formulas kept as text', async () => {
    const formula = await closedChat('=HYPERLINK("http://evil.example","点我")', '保温杯的盖子漏水, 能换一个吗');
    const other = await closedChat('导出测试乙', '发票抬头写错了');
    const res = await fetch(`${server.url}/api/conversations/history/export.csv?text=${encodeURIComponent('保温杯的盖子')}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kefu-history-\d{8}\.csv"$/);
    expect(res.headers.get('x-kefu-rows')).toBe('1');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, end] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(header!.split(',').slice(0, 6)).toEqual(['会话编号', '访客', '邮箱', '用户ID', '身份已验证', '客服']);
    expect(row).toContain(formula.id);
    expect(row).not.toContain(other.id);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row).toContain('"保温杯的盖子漏水, 能换一个吗"');
    expect(end).toBe('');

    const english = await fetch(`${server.url}/api/conversations/history/export.csv?lang=en&visitor=${encodeURIComponent('导出测试乙')}`, { headers: { cookie } });
    const text = await english.text();
    expect(text.split('\r\n')[0]).toMatch(/^Conversation,Visitor,Email,User ID,Identity verified,Agent,Department,/);
    expect(text).toContain(other.id);
    for (const query of ['?lang=fr', '?from=yesterday', '?agent=a%20b']) {
      const bad = await fetch(`${server.url}/api/conversations/history/export.csv${query}`, { headers: { cookie } });
      expect(`${query}: ${bad.status}`).toBe(`${query}: 400`);
    }
  });
});
