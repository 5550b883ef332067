/** Visitor tokens survive a restart, cannot be forged or re-pointed, expire, renew past half-life and die with a rotation. */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import { VISITOR_TOKEN_LIFETIME_MS, createVisitorTokens } from './visitor-token.ts';

const DAY = 24 * 60 * 60 * 1000;
const site = { key: 'demo', tokenGeneration: 0 };
const t0 = Date.UTC(2026, 0, 1);

function dbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'kefu-token-')), 'db.sqlite');
}

describe('visitor tokens', () => {
  it('verify across restarts and reject tampering', async () => {
    const file = dbFile();
    const first = openSqliteStorage(file);
    const token = (await createVisitorTokens(first)).issue('visitor-1', site, t0);
    await first.close();
    const second = openSqliteStorage(file);
    const tokens = await createVisitorTokens(second);
    expect(tokens.verify(token, site, t0 + 1000)).toEqual({ visitorId: 'visitor-1', renew: false });
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('visitor-1', 'visitor-2')).toString('base64url');
    expect(tokens.verify(`${forged}.${sig}`, site, t0)).toBeUndefined();
    expect(tokens.verify(`${token}x`, site, t0)).toBeUndefined();
    expect(tokens.verify('visitor-1', site, t0)).toBeUndefined();
    expect(tokens.verify('', site, t0)).toBeUndefined();
    expect(tokens.verify(token, { key: 'other', tokenGeneration: 0 }, t0)).toBeUndefined();
    await second.close();
  });

  it('renews past half its life, expires after 30 days, and dies when the site rotates', async () => {
    const storage = openSqliteStorage(dbFile());
    const tokens = await createVisitorTokens(storage);
    const token = tokens.issue('v', site, t0);
    expect(VISITOR_TOKEN_LIFETIME_MS).toBe(30 * DAY);
    expect(tokens.verify(token, site, t0 + 14 * DAY)?.renew).toBe(false);
    expect(tokens.verify(token, site, t0 + 16 * DAY)?.renew).toBe(true);
    expect(tokens.verify(token, site, t0 + 30 * DAY)).toBeUndefined();
    expect(tokens.verify(token, { key: 'demo', tokenGeneration: 1 }, t0 + 1)).toBeUndefined();
    const fresh = tokens.issue('v', { key: 'demo', tokenGeneration: 1 }, t0);
    expect(tokens.verify(fresh, { key: 'demo', tokenGeneration: 1 }, t0 + 1)?.visitorId).toBe('v');
    await storage.close();
  });

  it('accepts a token of the old format only until the first rotation, and renews it at once', async () => {
    const storage = openSqliteStorage(dbFile());
    const tokens = await createVisitorTokens(storage);
    const secret = Buffer.from(await storage.ensureSetting('visitor_token_secret', 'unused'), 'base64url');
    const old = `visitor-9.${createHmac('sha256', secret).update('visitor:visitor-9').digest('base64url')}`;
    expect(tokens.verify(old, site, t0)).toEqual({ visitorId: 'visitor-9', renew: true });
    expect(tokens.verify(old, { key: 'demo', tokenGeneration: 1 }, t0)).toBeUndefined();
    await storage.close();
  });
});
