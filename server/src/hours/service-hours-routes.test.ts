/** GET/PUT /api/service-hours on a real server over a real SQLite file, with a fixed clock. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKefuServer, type KefuServer } from '../index.ts';
import { hashPassword } from '../security/password.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import { ADMIN, FIXTURE_KB, login, TEST_LIMITS, tempDir } from '../../test/support/test-server.ts';
import { DEMO_SERVICE_HOURS } from './demo-service-hours.ts';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const servers: KefuServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(now: number) {
  const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
  const server = await createKefuServer(
    { port: 0, kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password, limits: TEST_LIMITS },
    { storage, now: () => now },
  );
  servers.push(server);
  return { server, storage };
}

describe('/api/service-hours', () => {
  it('lets only an admin read and replace the hours; bad input is a coded 400 and changes nothing', async () => {
    const { server, storage } = await serve(sh('2026-11-30T22:00:00'));
    const url = `${server.url}/api/service-hours`;
    expect((await fetch(url)).status).toBe(401);
    await storage.createAgent({ email: 'agent@kefu.test', name: 'Agent', role: 'agent', passwordHash: await hashPassword('agent password 1'), now: sh('2026-11-30T08:00:00') });
    const agentCookie = await login(server.url, 'agent@kefu.test', 'agent password 1');
    expect((await fetch(url, { headers: { cookie: agentCookie } })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', headers: { cookie: agentCookie, 'content-type': 'application/json' }, body: '{"default":{}}' })).status).toBe(403);

    const cookie = await login(server.url);
    const first = await fetch(url, { headers: { cookie } });
    expect(first.status).toBe(200);
    // Monday 22:00 in Shanghai: the demo hours are closed until Tuesday 09:00.
    expect(await first.json()).toEqual({ serviceHours: DEMO_SERVICE_HOURS, timeZone: 'Asia/Shanghai', now: { open: false, opensAt: sh('2026-12-01T09:00:00') } });

    const put = (body: unknown) => fetch(url, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await put({ default: { mon: [{ from: '22:00', to: '21:00' }] } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^default\.mon\.0: /) });
    expect((await put({ default: {}, holidays: [{ date: 'tomorrow' }] })).status).toBe(400);
    expect(((await (await fetch(url, { headers: { cookie } })).json()) as { serviceHours: unknown }).serviceHours).toEqual(DEMO_SERVICE_HOURS);

    // Open late on Mondays: at 22:00 humans are on duty until 23:30.
    const changed = await put({ default: { mon: [{ from: '09:00', to: '23:30' }] }, holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ now: { open: true, closesAt: sh('2026-11-30T23:30:00') }, serviceHours: { holidays: [{ date: '2026-12-25' }] } });
    expect(JSON.parse((await storage.getSetting('service_hours'))!)).toMatchObject({ default: { mon: [{ from: '09:00', to: '23:30' }], tue: [] } });
  });
});
