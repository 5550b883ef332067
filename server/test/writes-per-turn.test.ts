/** An answered question costs two write transactions (the question, the reply) and nothing more when nothing else changed. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createKefuServer } from '../src/create-kefu-server.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../src/storage/storage.ts';
import { ADMIN, FIXTURE_KB, closeClients, connectVisitor, ok, recorder, tempDir, visitorCall } from './support/test-server.ts';

/** Every Storage method that writes; each is one transaction (or one statement). */
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
  const counter = countingWrites(openSqliteStorage(join(tempDir(), 'kefu.sqlite')));
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

  it('stores a question and its answer in two transactions, and the department only when it changes', async () => {
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
});
