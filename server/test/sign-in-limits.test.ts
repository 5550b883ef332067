/** Sign-in limits over HTTP: failures per address and account, 429 with Retry-After, a colleague on the same address unaffected. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage, type KefuServer } from '../src/index.ts';
import { hashPassword } from '../src/security/password.ts';
import { ADMIN, startServer, tempDir } from './support/test-server.ts';

const COLLEAGUE = { email: 'colleague@kefu.test', password: 'colleague pass 1' };

let server: KefuServer;
beforeAll(async () => {
  const dataDir = tempDir();
  server = await startServer({ dataDir });
  const storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  try {
    await storage.createAgent({ email: COLLEAGUE.email, name: 'Colleague', role: 'agent', passwordHash: await hashPassword(COLLEAGUE.password), now: Date.now() });
  } finally {
    await storage.close();
  }
}, 60_000);
afterAll(() => server.close(), 30_000);

const signIn = (email: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('sign-in limits', { timeout: 60_000 }, () => {
  it('locks an account after 5 failures from one address, even for the right password, but not a colleague there', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(ADMIN.email, `guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const locked = await signIn(ADMIN.email, ADMIN.password);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ code: 'rate_limited', message: 'too many failed sign-in attempts; try again later' });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    expect((await signIn(COLLEAGUE.email, COLLEAGUE.password)).status).toBe(200);
  });

  it('counts only failures: a success clears the count, so a typo now and then never locks anyone out', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(COLLEAGUE.email, 'typo')).status).toBe(401);
      expect((await signIn(COLLEAGUE.email, COLLEAGUE.password)).status).toBe(200);
    }
  });
});
