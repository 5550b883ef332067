/** Migrations keep the data they rebuild (migration 5's agents table), and give the reports the indexes they read by. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from './migrations.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { AGENT_CHATS_SQL, CHAT_COUNTS_SQL, QUEUE_WAITS_SQL } from '../chat-totals-sql.ts';
import { TICKET_CLOCKS_SQL, TICKET_COUNTS_SQL } from '../ticket-totals-sql.ts';

it('upgrades a version-4 database without losing agents, their sessions or their conversations', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kefu-migrate-')), 'kefu.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([1, 2, 3, 4]);
  db.exec(`
    INSERT INTO sites (key, name, created_at) VALUES ('demo', 'Demo', 1);
    INSERT INTO visitors (id, site_key, created_at, last_seen_at) VALUES ('v1', 'demo', 1, 1);
    INSERT INTO agents (id, email, name, role, password_hash, created_at, updated_at) VALUES ('a1', 'a@x.test', 'A', 'agent', 'h', 5, 6);
    INSERT INTO sessions (token_hash, agent_id, created_at, expires_at, last_seen_at) VALUES ('t1', 'a1', 7, 99999999999999, 7);
    INSERT INTO conversations (id, site_key, visitor_id, state, assigned_agent_id, assigned_at, created_at, updated_at)
      VALUES ('c1', 'demo', 'v1', 'assigned', 'a1', 8, 1, 8);
  `);
  db.close();

  const storage = openSqliteStorage(file);
  expect(await storage.getAgent('a1')).toMatchObject({ email: 'a@x.test', role: 'agent', presence: 'offline', presenceAt: 5, capacity: 5, createdAt: 5 });
  expect((await storage.getSession('t1'))?.agent.id).toBe('a1');
  expect((await storage.listAssigned('a1')).map((c) => c.id)).toEqual(['c1']);
  // The foreign keys still point at the rebuilt table.
  expect(await storage.updateAgent('a1', { role: 'supervisor' }, 10)).toMatchObject({ role: 'supervisor' });
  await storage.close();
  const check = new Database(file);
  check.pragma('foreign_keys = ON');
  expect(() => check.prepare("INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES ('t2', 'ghost', 1, 2)").run()).toThrow(/FOREIGN KEY/);
  expect(check.pragma('foreign_keys', { simple: true })).toBe(1);
  check.close();
});

it('migration 13 keeps every ticket: a pending one becomes in_progress, the title is the description\'s first line', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kefu-migrate-')), 'kefu.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 12));
  db.exec(`
    INSERT INTO sites (key, name, created_at) VALUES ('demo', 'Demo', 1);
    INSERT INTO visitors (id, site_key, created_at, last_seen_at) VALUES ('v1', 'demo', 1, 1);
    INSERT INTO tickets (id, number, visitor_id, status, contact, description, created_at, updated_at)
      VALUES ('t1', 'T20261122-0001', 'v1', 'pending', '13800000000', '发票开错了
请重开', 5, 6),
             ('t2', 'T20261122-0002', NULL, 'open', NULL, NULL, 7, 7);
  `);
  db.close();

  const storage = openSqliteStorage(file);
  expect(await storage.getTicketByNumber('T20261122-0001')).toMatchObject({ status: 'in_progress', title: '发票开错了 请重开', description: '发票开错了\n请重开', tier: 'normal', plan: 'free', kind: 'fault', reopenCount: 0 });
  expect(await storage.getTicketByNumber('T20261122-0002')).toMatchObject({ status: 'open', title: '' });
  expect((await storage.listVisitorTickets('v1', 5)).map((t) => t.number)).toEqual(['T20261122-0001']);
  await storage.close();
});

it('migration 15 keeps every ticket event in its order and then accepts a plan change', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kefu-migrate-')), 'kefu.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 14));
  db.exec(`
    INSERT INTO tickets (id, number, status, description, title, created_at, updated_at) VALUES ('t1', 'T20261130-0001', 'open', '发票开错了', '发票开错了', 5, 5);
    INSERT INTO ticket_events (id, ticket_id, type, public, author_kind, text, data, created_at)
      VALUES ('e2', 't1', 'created', 1, 'customer', NULL, '{}', 5), ('e1', 't1', 'note', 0, 'agent', '老客户', '{}', 5);
  `);
  expect(() => db.exec(`INSERT INTO ticket_events (id, ticket_id, type, author_kind, created_at) VALUES ('e0', 't1', 'plan', 'agent', 6)`)).toThrow(/CHECK/);
  db.close();

  const storage = openSqliteStorage(file);
  const ticket = (await storage.getTicketByNumber('T20261130-0001'))!;
  const plan = { type: 'plan' as const, public: false, authorKind: 'agent' as const, data: { from: 'free', to: 'enterprise', fromPriority: false, toPriority: true }, createdAt: 7 };
  expect(await storage.updateTicket(ticket.id, ticket.revision, { plan: 'enterprise', priority: true }, [plan], 7)).toMatchObject({ plan: 'enterprise', priority: true });
  expect((await storage.listTicketEvents('t1')).map((e) => [e.id.length > 2 ? 'new' : e.id, e.type, e.text ?? e.data.to])).toEqual([
    ['e2', 'created', undefined],
    ['e1', 'note', '老客户'],
    ['new', 'plan', 'enterprise'],
  ]);
  await storage.close();
});

it("reads a report's period of chats, queue waits and tickets through an index, not by scanning the tables", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kefu-migrate-')), 'kefu.sqlite');
  openSqliteStorage(file).close();
  const db = new Database(file);
  const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 2) as { detail: string }[]).map((r) => r.detail).join(' | ');
  expect(plan(CHAT_COUNTS_SQL('?', '?'))).toMatch(/SEARCH c USING INDEX conversations_by_created/);
  expect(plan(CHAT_COUNTS_SQL('?', '?'))).toMatch(/SEARCH t USING (COVERING )?INDEX tickets_by_conversation/);
  expect(plan(AGENT_CHATS_SQL('?', '?'))).toMatch(/SEARCH c USING INDEX conversations_by_created/);
  expect(plan(QUEUE_WAITS_SQL('?', '?'))).toMatch(/SEARCH queue_waits USING INDEX queue_waits_by_accepted/);
  expect(plan(TICKET_COUNTS_SQL('?', '?'))).toMatch(/SEARCH tickets USING (COVERING )?INDEX tickets_by_created/);
  expect(plan(TICKET_CLOCKS_SQL('?', '?', 'json_each'))).toMatch(/SEARCH t USING INDEX tickets_by_created/);
  db.close();
});
