/**
 * Ticket files uploaded but never sent with a reply are deleted a day later, by a job, on SQLite and on
 * PostgreSQL when TEST_DATABASE_URL is set; files a reply carries stay. Real disk, clock moved by the test.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFileId } from '../files/file-ids.ts';
import type { TestSchema } from '../storage/postgres/postgres-test-schema.ts';
import { PDF, png } from '../../test/support/test-files.ts';
import { STAGED_FILE_KEEP_MS, registerStagedFileExpiry } from './staged-file-expiry.ts';
import { claimTicketFiles, receiveTicketFile, ticketFiles } from './ticket-files.ts';
import { openTicket, replyToTicket } from './ticket-lifecycle.ts';
import { ticketTestContextOn, type TicketTestContext } from './ticket-test-context.ts';

const T = Date.parse('2026-11-30T10:00:00+08:00');
const MIN = 60_000;
const pgUrl = process.env.TEST_DATABASE_URL;

/** An upload request as the file routes hand it over: the body stream, its length and the file-name header. */
function upload(bytes: Buffer, name: string): Request {
  const headers: Record<string, string> = { 'content-length': String(bytes.length), 'x-file-name': encodeURIComponent(name) };
  return Object.assign(Readable.from([bytes]), { headers, get: (h: string) => headers[h.toLowerCase()] }) as unknown as Request;
}

for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`unsent ticket files (${database})`, { timeout: 60_000 }, () => {
  const schemas: TestSchema[] = [];
  let t: TicketTestContext;
  let dataDir: string;

  beforeEach(async () => {
    t = await ticketTestContextOn(database, T, schemas);
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-ticket-files-'));
    (t.ctx.config as { dataDir: string }).dataDir = dataDir;
    registerStagedFileExpiry(t.ctx, ticketFiles(t.ctx).tickets);
  });
  afterEach(async () => {
    await t.ctx.jobs.stop();
    await t.storage.close();
  });
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()));
  });

  it('a file sent with a reply stays; one never sent is deleted from disk a day after its upload, not before', async () => {
    const agent = await t.storage.createAgent({ email: 'li@kefu.test', name: '李客服', role: 'agent', passwordHash: 'h', now: T });
    const ticket = await openTicket(t.ctx, { description: '订单页面打不开', author: { kind: 'customer', name: '王女士' } });
    const sent = await receiveTicketFile(t.ctx, upload(png(40, 20), '截图.png'), ticket, 'agent', agent.id);
    t.clock.now += 30 * MIN;
    const dropped = await receiveTicketFile(t.ctx, upload(PDF, '报价单.pdf'), ticket, 'agent', agent.id);
    await replyToTicket(t.ctx, ticket.id, { kind: 'agent', id: agent.id, name: agent.name }, '请看截图', await claimTicketFiles(t.ctx, ticket, [sent.id], agent.id));
    const store = ticketFiles(t.ctx).tickets;
    const filesOnDisk = () => readdirSync(join(dataDir, 'ticket-files', ticket.id)).filter((f) => !f.endsWith('.json')).length;
    expect(filesOnDisk()).toBe(2);

    // A day after the first upload, but not yet after the second's: nothing goes.
    t.clock.now = T + STAGED_FILE_KEEP_MS + MIN;
    await t.ctx.jobs.runDue();
    expect(await store.get(dropped.id)).toMatchObject({ name: '报价单.pdf' });
    expect(filesOnDisk()).toBe(2);

    t.clock.now = T + 30 * MIN + STAGED_FILE_KEEP_MS + MIN;
    expect(await t.ctx.jobs.runDue()).toBe(1);
    expect(await store.get(dropped.id)).toBeUndefined();
    expect(filesOnDisk()).toBe(1);
    expect(existsSync(join(dataDir, 'ticket-files', ticket.id, `${parseFileId(dropped.id)!.key}.json`))).toBe(false);
    const kept = await store.get(sent.id);
    expect(kept).toMatchObject({ name: '截图.png', type: 'image/png' });
    const bytes: Buffer[] = [];
    for await (const chunk of store.open(sent.id)) bytes.push(chunk as Buffer);
    expect(Buffer.concat(bytes).equals(png(40, 20))).toBe(true);
    expect(t.runnerErrors).toEqual([]);
    // A reply can no longer send the deleted file: the uploader is told to upload it again.
    await expect(claimTicketFiles(t.ctx, ticket, [dropped.id], agent.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
