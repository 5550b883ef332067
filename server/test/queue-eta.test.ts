/**
 * The queue's expected wait and the long-wait offer, on two nodes sharing one database (the SQLite file, and
 * PostgreSQL when TEST_DATABASE_URL is set) with one clock the test moves: recent takings give a waiting
 * visitor a range of minutes, a range starting above the threshold offers to leave a message at once, and a
 * visitor found waiting past it is offered exactly once however many sweeps of however many nodes see them.
 */
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Message, VisitorConversation } from '@kefu/shared';
import { createKefuServer, type KefuConfig, type KefuServer } from '../src/index.ts';
import { openPostgresStorage } from '../src/storage/postgres/open-postgres-storage.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../src/storage/storage.ts';
import {
  ADMIN,
  ALWAYS_OPEN,
  FIXTURE_KB,
  TEST_LIMITS,
  agentCall,
  agentOnDuty,
  closeClients,
  connectVisitor,
  ok,
  recorder,
  sleep,
  startServer,
  tempDir,
  visitorCall,
} from './support/test-server.ts';

const MIN = 60_000;
const databaseUrl = process.env.TEST_DATABASE_URL;

const servers: KefuServer[] = [];
const schemas: TestSchema[] = [];
const handles: Storage[] = [];
afterEach(closeClients);
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(handles.splice(0).map((s) => s.close()));
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});

async function visitor(url: string) {
  const socket = connectVisitor(url);
  const messages = recorder<Message>(socket, 'message');
  const conversations = recorder<VisitorConversation>(socket, 'conversation');
  const hello = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
  const handoff = async () => ok(await visitorCall(socket, 'handoff', { clientId: 'h1' })).conversation;
  const transcript = async () => ok(await visitorCall(socket, 'sync', { afterSeq: 0 })).messages;
  return { socket, messages, conversations, id: hello.conversation.id, handoff, transcript };
}

const offers = (messages: Message[]) => messages.filter((m) => m.author === 'bot' && m.meta?.offerMessage === true);

/** Each backend: where both nodes keep their data, and a storage handle of the test's own on the same data. */
const backends: { name: string; skip: boolean; open(): Promise<{ config: Partial<KefuConfig>; storage: () => Promise<Storage> }> }[] = [
  {
    name: 'SQLite file',
    skip: false,
    async open() {
      const dataDir = tempDir();
      return { config: { dataDir }, storage: async () => openSqliteStorage(join(dataDir, 'kefu.sqlite')) };
    },
  },
  {
    name: 'PostgreSQL (TEST_DATABASE_URL)',
    skip: !databaseUrl,
    async open() {
      const schema = await createTestSchema(databaseUrl!);
      schemas.push(schema);
      return { config: { databaseUrl: schema.url, dataDir: tempDir() }, storage: () => openPostgresStorage(schema.url) };
    },
  },
];

describe('the queue with no history', () => {
  it('gives the place and says nothing about time', async () => {
    const server = await startServer();
    servers.push(server);
    await agentOnDuty(server.url);
    const v = await visitor(server.url);
    const queued = await v.handoff();
    expect(queued).toMatchObject({ state: 'queued', queuePosition: 1 });
    expect(queued.queueEtaMinutes).toBeUndefined();
    const notice = await v.messages.next((m) => m.meta?.notice === 'queued');
    expect(notice.meta?.params).toEqual({ position: 1 });
    expect(notice.text).not.toMatch(/预计|分钟/);
    expect(offers(await v.transcript())).toEqual([]);
  });
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`queue ETA and the long-wait offer on two nodes: ${backend.name}`, () => {
    it('gives waiting visitors a range from recent takings, offers a message once per long wait, and a tap on it leaves the queue for the flow', async () => {
      const T0 = Date.parse('2026-11-30T03:00:00Z');
      let clock = T0;
      const { config, storage } = await backend.open();
      const node = async () => {
        const server = await createKefuServer(
          {
            port: 0,
            kbDir: FIXTURE_KB,
            logLevel: 'silent',
            adminEmail: ADMIN.email,
            adminPassword: ADMIN.password,
            limits: TEST_LIMITS,
            serviceHours: ALWAYS_OPEN,
            longWaitMinutes: 5,
            longWaitSweepMs: 25,
            ...config,
          },
          { now: () => clock },
        );
        servers.push(server);
        return server;
      };
      const a = await node();
      const b = await node();
      const db = await storage();
      handles.push(db);

      // One agent, member of 综合咨询 with room for one conversation.
      const desk = await agentOnDuty(a.url);
      const admin = (await db.getAgentByEmail(ADMIN.email))!;
      await db.updateAgent(admin.id, { capacity: 1 }, T0);
      expect(await db.addDepartmentMember('general', admin.id)).toBe(true);
      // Recent history: three visitors taken from a queue that never emptied, 4 minutes apart.
      const past = await db.createConversation({ siteKey: 'demo', visitorId: (await db.createVisitor({ siteKey: 'demo', now: T0 - 40 * MIN })).id, now: T0 - 40 * MIN });
      for (const takenAt of [20, 16, 12]) {
        await db.recordQueueWait({ conversationId: past.id, department: 'general', queuedAt: T0 - 30 * MIN, acceptedAt: T0 - takenAt * MIN });
      }

      const v0 = await visitor(a.url);
      expect((await v0.handoff()).state).toBe('assigned');

      // Next in line: 4 minutes per place (median), 5 at the upper quartile, rounded up to a range.
      const v1 = await visitor(a.url);
      expect(await v1.handoff()).toMatchObject({ state: 'queued', queuePosition: 1, queueEtaMinutes: { low: 4, high: 5 } });
      const n1 = await v1.messages.next((m) => m.meta?.notice === 'queued');
      expect(n1.meta?.params).toEqual({ position: 1, etaMinutes: { low: 4, high: 5 } });
      expect(n1.text).toContain('预计等待 4–5 分钟');

      // Second in line, on the other node: 8–9 minutes, above the 5-minute threshold: offered at once.
      const v2 = await visitor(b.url);
      expect(await v2.handoff()).toMatchObject({ state: 'queued', queuePosition: 2, queueEtaMinutes: { low: 8, high: 9 } });
      expect((await v2.messages.next((m) => m.meta?.notice === 'queued')).meta?.params).toEqual({ position: 2, etaMinutes: { low: 8, high: 9 } });
      const offer = await v2.messages.next((m) => m.meta?.offerMessage === true);
      expect(offer).toMatchObject({ author: 'bot', meta: { suggestions: [{ id: 'leave-message' }] } });
      expect(offer.text).toMatch(/继续排队等待.*留言/);
      // The first visitor's expected wait is within the threshold: no offer yet, however long both nodes sweep.
      await sleep(200);
      expect(offers(await v1.transcript())).toEqual([]);

      // Six minutes later the first visitor is still waiting: both nodes' sweeps see it, exactly one offer is posted.
      clock = T0 + 6 * MIN;
      await sleep(400);
      expect(offers(await v1.transcript())).toHaveLength(1);
      expect(offers(await v2.transcript())).toHaveLength(1);
      clock = T0 + 8 * MIN;
      await sleep(200);
      expect(offers(await v1.transcript())).toHaveLength(1);
      expect(offers(await v2.transcript())).toHaveLength(1);

      // Tapping 留言 while waiting: out of the queue, and the leave-a-message flow asks for a contact.
      const tapped = ok(await visitorCall(v2.socket, 'send', { clientId: 't1', text: offer.meta!.suggestions![0]!.question, entryId: 'leave-message' })).message;
      await v2.messages.next((m) => m.meta?.notice === 'left_queue');
      await v2.messages.next((m) => m.author === 'bot' && m.seq > tapped.seq && /手机号|邮箱/.test(m.text));
      expect((await v2.conversations.next((c) => c.state === 'bot')).queuePosition).toBeUndefined();

      // The agent frees their slot and takes the first visitor: that taking joins the history the next estimate reads.
      ok(await agentCall(desk, 'close', { conversationId: v0.id }));
      ok(await agentCall(desk, 'accept', { conversationId: v1.id }));
      expect((await db.listQueueWaits('general', T0, 10))[0]).toMatchObject({ conversationId: v1.id, queuedAt: T0, acceptedAt: T0 + 8 * MIN });
    });
  });
}
