/**
 * 评价 from the widget over /visitor (real SQLite, injected clock): a visitor rates their own resolved
 * ticket once, within 48 h of resolution, by the same rules as the status page; the detail says
 * whether the survey is open; someone else's ticket answers `not_found`; bad input stores nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKefuServer, type KefuServer } from '../src/index.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../src/storage/storage.ts';
import type { Ticket } from '@kefu/shared';
import { ALWAYS_OPEN, ADMIN, FIXTURE_KB, TEST_LIMITS, agentOnDuty, closeClients, connectVisitor, ok, recorder, tempDir, visitorCall } from './support/test-server.ts';

const HOUR = 3_600_000;
let now = Date.UTC(2026, 10, 30, 2, 0, 0);
let server: KefuServer;
let storage: Storage;

beforeAll(async () => {
  const dataDir = tempDir();
  storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  server = await createKefuServer(
    { port: 0, dataDir, kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password, limits: { ...TEST_LIMITS, ticketLookupsPerIp: 1000 }, serviceHours: ALWAYS_OPEN },
    { storage, now: () => now },
  );
});

afterAll(async () => {
  closeClients();
  await server?.close();
});

/** A visitor with the widget open, and a complaint they filed. */
async function visitorWithTicket() {
  const socket = connectVisitor(server.url);
  ok(await visitorCall(socket, 'hello', { lang: 'zh-CN' }));
  const filed = ok(await visitorCall(socket, 'complain', { kind: 'complaint', text: '系统崩溃，数据丢失', contact: 'wang@example.com', tier: 'urgent' }));
  const t = (await storage.getTicketByNumber(filed.ticket.number))!;
  return { socket, number: t.number, id: t.id };
}

async function resolve(id: string, at: number): Promise<void> {
  const fresh = (await storage.getTicket(id))!;
  await storage.updateTicket(id, fresh.revision, { status: 'resolved', resolvedAt: at }, [{ type: 'status', public: true, authorKind: 'agent', data: { from: fresh.status, to: 'resolved' }, createdAt: at }], at);
}

describe('rating a ticket in the widget', { timeout: 60_000 }, () => {
  it('rates the visitor’s own resolved ticket once within 48 h; not before resolution, not twice, not someone else’s', async () => {
    const mine = await visitorWithTicket();
    const other = await visitorWithTicket();
    expect(ok(await visitorCall(mine.socket, 'ticket', { number: mine.number })).satisfaction).toEqual({ state: 'none' });
    const early = await visitorCall(mine.socket, 'rateTicket', { number: mine.number, score: 5 });
    expect(early.ok ? undefined : early.error.code).toBe('invalid_state');

    const resolvedAt = now;
    await resolve(mine.id, resolvedAt);
    await resolve(other.id, resolvedAt);
    expect(ok(await visitorCall(mine.socket, 'ticket', { number: mine.number })).satisfaction).toEqual({ state: 'offered', until: resolvedAt + 48 * HOUR });

    // Someone else's resolved ticket looks like a missing one, and nothing is stored.
    const theirs = await visitorCall(mine.socket, 'rateTicket', { number: other.number, score: 1, comment: '冒充' });
    expect(theirs.ok ? undefined : theirs.error.code).toBe('not_found');
    expect(await storage.getTicketRating(other.id)).toBeUndefined();
    // Bad input: refused, nothing stored.
    for (const bad of [{ number: mine.number, score: 0 }, { number: mine.number, score: 6 }, { number: mine.number, score: 4.5 }, { number: mine.number, score: 4, comment: 'x'.repeat(5000) }, { number: 'nope', score: 4 }]) {
      const res = await visitorCall(mine.socket, 'rateTicket', bad);
      expect(res.ok ? undefined : res.error.code).toBe('bad_request');
    }
    expect(await storage.getTicketRating(mine.id)).toBeUndefined();

    now = resolvedAt + 47 * HOUR;
    // The admin's console is open: the rating reaches it as a changed ticket, so its rating card reads again.
    const changes = recorder<Ticket>(await agentOnDuty(server.url), 'ticket');
    const rated = ok(await visitorCall(mine.socket, 'rateTicket', { number: mine.number, score: 4, comment: '  处理及时，谢谢 ' }));
    expect((await changes.next((t) => t.number === mine.number)).updatedAt).toBe(now);
    expect(rated.satisfaction).toEqual({ state: 'rated', score: 4, comment: '处理及时，谢谢', at: now });
    expect(rated.ticket.number).toBe(mine.number);
    expect(await storage.getTicketRating(mine.id)).toMatchObject({ rating: 4, comment: '处理及时，谢谢', department: 'complaints', tier: 'urgent' });

    const twice = await visitorCall(mine.socket, 'rateTicket', { number: mine.number, score: 1 });
    expect(twice.ok ? undefined : twice.error.code).toBe('invalid_state');
    expect((await storage.getTicketRating(mine.id))!.rating).toBe(4);
    // A later look shows the rating given.
    expect(ok(await visitorCall(mine.socket, 'ticket', { number: mine.number })).satisfaction).toEqual({ state: 'rated', score: 4, comment: '处理及时，谢谢', at: now });
  });

  it('refuses a rating 48 h after resolution, and the detail no longer offers it', async () => {
    const v = await visitorWithTicket();
    await resolve(v.id, now);
    now += 48 * HOUR;
    expect(ok(await visitorCall(v.socket, 'ticket', { number: v.number })).satisfaction).toEqual({ state: 'none' });
    const late = await visitorCall(v.socket, 'rateTicket', { number: v.number, score: 5 });
    expect(late.ok ? undefined : late.error.code).toBe('invalid_state');
    expect(await storage.getTicketRating(v.id)).toBeUndefined();
  });
});
