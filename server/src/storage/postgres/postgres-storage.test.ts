/**
 * Runs the storage contract against PostgreSQL (TEST_DATABASE_URL, e.g. CI's
 * postgres://postgres@127.0.0.1:5432/test), each storage in its own fresh schema, then the
 * conditional writes from many connections at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { KefuError } from '../../kefu-error.ts';
import { runStorageContract } from '../storage.contract.ts';
import type { Storage } from '../storage.ts';
import { openPostgresStorage } from './open-postgres-storage.ts';
import { PG_MIGRATIONS } from './pg-migrations.ts';
import { startTestProxy } from './postgres-test-proxy.ts';
import { createTestSchema, type TestSchema } from './postgres-test-schema.ts';

const url = process.env.TEST_DATABASE_URL;
const now = 1_700_000_000_000;

describe.skipIf(!url)('PostgreSQL storage (needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)', () => {
  const schemas: TestSchema[] = [];
  // About fifty schemas of some thirty tables each: dropping them takes seconds, more on a busy machine.
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()));
  }, 60_000);
  async function freshSchema(): Promise<TestSchema> {
    const schema = await createTestSchema(url!);
    schemas.push(schema);
    return schema;
  }

  runStorageContract('postgres', async () => openPostgresStorage((await freshSchema()).url));

  describe('under concurrency', () => {
    const CONNECTIONS = 16;
    let schema: TestSchema;
    /** Separate pools, so the calls really arrive on different connections (and as different nodes would). */
    let nodes: Storage[];
    beforeAll(async () => {
      schema = await freshSchema();
      nodes = await Promise.all(Array.from({ length: 4 }, () => openPostgresStorage(schema.url, { maxConnections: CONNECTIONS / 4 })));
      await nodes[0]!.upsertSite({ key: 'demo', name: 'Demo', allowedOrigins: [] });
    });
    afterAll(async () => {
      await Promise.all(nodes.map((n) => n.close()));
    });
    const node = (i: number) => nodes[i % nodes.length]!;

    async function newConversation() {
      const visitor = await node(0).createVisitor({ siteKey: 'demo', now });
      return node(0).createConversation({ siteKey: 'demo', visitorId: visitor.id, now });
    }

    it('migrates once when several nodes start on an empty schema at the same time', async () => {
      const empty = await freshSchema();
      const started = await Promise.all(Array.from({ length: 6 }, () => openPostgresStorage(empty.url, { maxConnections: 2 })));
      const check = new pg.Client({ connectionString: empty.url });
      await check.connect();
      const { rows } = await check.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      await check.end();
      await Promise.all(started.map((s) => s.close()));
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    });

    it('lets exactly one of many simultaneous claims win', async () => {
      const c = await newConversation();
      await node(0).updateConversation(c.id, { state: 'queued', queuedAt: now }, now);
      const agents = await Promise.all(
        Array.from({ length: CONNECTIONS }, (_, i) => node(0).createAgent({ email: `a${i}@x.test`, name: `A${i}`, role: 'agent', passwordHash: 'h', now })),
      );
      const results = await Promise.all(
        agents.map((a, i) => node(i).transitionConversation(c.id, ['queued'], { state: 'assigned', assignedAgentId: a.id, assignedAt: now }, now)),
      );
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      expect((await node(1).getConversation(c.id))!.assignedAgentId).toBe(winners[0]!.assignedAgentId);
    });

    it('never assigns an agent past capacity, however many nodes assign at once', async () => {
      const agent = await node(0).createAgent({ email: 'one-seat@x.test', name: 'One', role: 'agent', passwordHash: 'h', now });
      await node(0).updateAgent(agent.id, { capacity: 2 }, now);
      const conversations = await Promise.all(Array.from({ length: CONNECTIONS }, () => newConversation()));
      const results = await Promise.all(conversations.map((c, i) => node(i).assignConversation(c.id, ['bot'], agent.id, {}, now)));
      expect(results.filter((r) => r !== undefined)).toHaveLength(2);
      expect((await node(1).listAgentLoads()).find((l) => l.agent.id === agent.id)?.openConversations).toBe(2);
    });

    it('numbers simultaneous appends 1..N with no gap or duplicate, and stores a raced client id once', async () => {
      const c = await newConversation();
      const N = 200;
      const append = (i: number, via: number) =>
        node(via).appendMessage({ conversationId: c.id, clientId: `m${i}`, author: 'visitor', text: `m${i}`, createdAt: now, pendingTurn: {} });
      // The first 20 client ids are sent twice at the same instant from two nodes, as a resend racing its original.
      const resends: ReturnType<typeof append>[] = [];
      const sends: ReturnType<typeof append>[] = [];
      for (let i = 0; i < N; i++) {
        sends.push(append(i, i));
        if (i < 20) resends.push(append(i, i + 1));
      }
      const results = await Promise.all([...sends, ...resends]);
      expect(results.filter((r) => r.created)).toHaveLength(N);
      const stored = await node(2).listMessages(c.id, 0, 1000);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(new Set(stored.map((m) => m.id)).size).toBe(N);
      for (let i = 0; i < 20; i++) expect(results[N + i]!.message).toEqual(results[i]!.message);
      expect((await node(3).getConversation(c.id))!.lastSeq).toBe(N);
      expect((await node(3).listPendingTurns()).filter((t) => t.conversationId === c.id)).toHaveLength(N);
    });

    it('stores one rating when many arrive at once', async () => {
      const c = await newConversation();
      await node(0).updateConversation(c.id, { state: 'closed', closedAt: now }, now);
      const results = await Promise.all(
        Array.from({ length: CONNECTIONS }, (_, i) => node(i).rateConversation(c.id, (i % 5) + 1, `r${i}`, now)),
      );
      const stored = results.filter((r) => r !== undefined);
      expect(stored).toHaveLength(1);
      expect(await node(1).getConversation(c.id)).toMatchObject({ rating: stored[0]!.rating, ratingComment: stored[0]!.ratingComment });
    });

    it('gives simultaneous tickets of one day distinct consecutive numbers', async () => {
      const tickets = await Promise.all(Array.from({ length: 50 }, (_, i) => node(i).createTicket({ day: '20261130', createdAt: now })));
      const numbers = tickets.map((t) => t.number).sort();
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `T20261130-${String(i + 1).padStart(4, '0')}`));
    });

    it('answers unavailable while the database is unreachable and recovers by itself when it is back', async () => {
      const c = await newConversation();
      const proxy = await startTestProxy(schema.url);
      const storage = await openPostgresStorage(proxy.url, { maxConnections: 2, retry: { budgetMs: 300 } });
      const send = (clientId: string) => storage.appendMessage({ conversationId: c.id, clientId, author: 'visitor', text: clientId, createdAt: now });
      try {
        expect((await send('before')).message.seq).toBe(1);
        await proxy.cut();
        await expect(send('during')).rejects.toSatisfy((err: unknown) => err instanceof KefuError && err.code === 'unavailable');
        await proxy.restore();
        // The client resends with the same id: stored once, right after the message acknowledged before the outage.
        expect((await send('during')).message.seq).toBe(2);
        expect((await send('during')).created).toBe(false);
      } finally {
        await storage.close();
        await proxy.close();
      }
    });

    it('answers the retryable unavailable when a row stays locked past the lock timeout', async () => {
      const c = await newConversation();
      await node(0).updateConversation(c.id, { state: 'queued', queuedAt: now }, now);
      const impatient = await openPostgresStorage(schema.url, { maxConnections: 1, lockTimeoutMs: 50, retry: { budgetMs: 300 } });
      const holder = new pg.Client({ connectionString: schema.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [c.id]);
        const claim = impatient.transitionConversation(c.id, ['queued'], { state: 'assigned' }, now);
        await expect(claim).rejects.toSatisfy((err: unknown) => err instanceof KefuError && err.code === 'unavailable');
        await holder.query('ROLLBACK');
        // Once the lock is gone the same call goes through.
        expect(await impatient.transitionConversation(c.id, ['queued'], { state: 'closed', closedAt: now }, now)).toMatchObject({ state: 'closed' });
      } finally {
        await holder.end();
        await impatient.close();
      }
    });
  });
});

describe('PostgreSQL storage without a database', () => {
  it('fails to open with the retryable unavailable when nothing listens', async () => {
    // Port 1 on loopback: refused at once, so the retries run out the (short) budget quickly.
    const opening = openPostgresStorage('postgres://postgres@127.0.0.1:1/test', { retry: { budgetMs: 200 } });
    await expect(opening).rejects.toSatisfy((err: unknown) => err instanceof KefuError && err.code === 'unavailable');
  });
});
