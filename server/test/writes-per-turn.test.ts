/**
 * An answered question costs two write operations (the question, the reply) and nothing more when nothing
 * else changed; under concurrent load, writes share commits (group commit), so there are fewer commits than questions.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createKefuServer } from '../src/create-kefu-server.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../src/storage/storage.ts';
import { ADMIN, FIXTURE_KB, closeClients, connectVisitor, ok, recorder, tempDir, visitorCall } from './support/test-server.ts';

/** Every Storage method that writes; each is one operation (a savepoint in the turn's shared transaction). */
const WRITES = new Set<string>([
  'appendMessage',
  'updateConversation',
  'transitionConversation',
  'rateConversation',
  'settleTurn',
  'createConversation',
  'createVisitor',
  'touchVisitor',
  'createTicket',
]);

/** Counts the write calls made through it. */
function countingWrites(storage: Storage): { storage: Storage; writes: string[] } {
  const writes: string[] = [];
  const counted = new Proxy(storage, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (WRITES.has(String(key))) writes.push(String(key));
        return value.apply(target, args);
      };
    },
  });
  return { storage: counted, writes };
}

describe('writes per visitor turn', () => {
  let server: KefuServer;
  /** The number of writes each commit carried. */
  const commits: number[] = [];
  const counter = countingWrites(openSqliteStorage(join(tempDir(), 'kefu.sqlite'), undefined, { onCommit: (writes) => commits.push(writes) }));
  beforeAll(async () => {
    server = await createKefuServer(
      { port: 0, dataDir: tempDir(), kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password },
      { storage: counter.storage },
    );
  }, 30_000);
  afterAll(async () => {
    closeClients();
    await server.close();
  });

  it('stores a question and its answer in two write operations, and the department only when it changes', async () => {
    const v = connectVisitor(server.url);
    ok(await visitorCall(v, 'hello', { lang: 'zh-CN' }));
    const messages = recorder<Message>(v, 'message');
    const ask = async (clientId: string, text: string, entryId?: string) => {
      counter.writes.length = 0;
      const { message } = ok(await visitorCall(v, 'send', { clientId, text, ...(entryId ? { entryId } : {}) }));
      const reply = await messages.next((m) => m.author === 'bot' && m.seq > message.seq);
      // The reply's own write may still be settling its promise when the push arrives.
      await new Promise((r) => setTimeout(r, 50));
      return { reply, writes: [...counter.writes] };
    };

    // The first answer sets the department (billing): stored with the reply, not as a write of its own.
    const invoice = await ask('w1', '怎么开发票？', 'invoice');
    expect(invoice.reply.meta?.entryId).toBe('invoice');
    expect(invoice.writes).toEqual(['appendMessage', 'appendMessage']);
    // Same department again: still two.
    const again = await ask('w2', '发票怎么开', 'invoice');
    expect(again.writes).toEqual(['appendMessage', 'appendMessage']);
    // A different department, a decline: two each.
    expect((await ask('w3', '客服热线是多少？', 'hotline')).writes).toEqual(['appendMessage', 'appendMessage']);
    const declined = await ask('w4', '今天天气怎么样，适合去公园野餐吗');
    expect(declined.writes).toEqual(['appendMessage', 'appendMessage']);
    expect(declined.reply.meta?.decision).not.toBe('answer');
  });

  it('commits the questions of many visitors sending at once in fewer transactions than questions', async () => {
    // Under the limit of new visitors per address a minute (the first test made one).
    const VISITORS = 15;
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, async () => {
        const v = connectVisitor(server.url);
        ok(await visitorCall(v, 'hello', { lang: 'zh-CN' }));
        return { v, messages: recorder<Message>(v, 'message') };
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    commits.length = 0;
    counter.writes.length = 0;
    const sent = await Promise.all(visitors.map(({ v }, i) => visitorCall(v, 'send', { clientId: `burst-${i}`, text: '怎么开发票？' }).then(ok)));
    // Each visitor gets its answer (and, as the sender, no echo of its own question: that came in the ack).
    const replies = await Promise.all(visitors.map(({ messages }, i) => messages.next((m) => m.author === 'bot' && m.seq > sent[i]!.message.seq)));
    expect(replies.every((m) => m.meta?.entryId === 'invoice')).toBe(true);
    for (const { messages } of visitors) expect(messages.seen.filter((m) => m.author === 'visitor')).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(counter.writes.filter((w) => w === 'appendMessage')).toHaveLength(2 * VISITORS);
    expect(counter.writes).toHaveLength(2 * VISITORS);
    // Every write was committed, and shared: nothing acknowledged was left uncommitted.
    expect(commits.reduce((a, b) => a + b, 0)).toBe(2 * VISITORS);
    expect(commits.length).toBeLessThan(VISITORS);
  });
});
