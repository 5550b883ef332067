/**
 * Signed identities, visitor tokens and origins over real sockets: a site that requires a signed
 * identity refuses everything else and stores nothing; a verified user id resumes its conversation
 * on another device while an unverified one links nothing; agents see which is which; tokens renew
 * past half their life, expire, and die with a rotation; origins are loopback-only until a site has
 * an allow list, which then fails closed.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '@kefu/shared';
import { createKefuServer, type KefuServer } from '../src/index.ts';
import type { KefuConfig } from '../src/config.ts';
import { identitySignature } from '../src/security/identity.ts';
import {
  ADMIN,
  FIXTURE_KB,
  TEST_LIMITS,
  agentCall,
  agentOnDuty,
  closeClients,
  connectAgent,
  connectVisitor,
  login,
  ok,
  startServer,
  tempDir,
  visitorCall,
} from './support/test-server.ts';

const SECRET = 'identity-secret-for-tests-0123';
const DAY = 24 * 60 * 60 * 1000;

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(config: Partial<KefuConfig> = {}): Promise<{ server: KefuServer; dataDir: string }> {
  const dataDir = tempDir();
  const server = await startServer({ dataDir, ...config });
  servers.push(server);
  return { server, dataDir };
}

/** An HS256 JWT as the host site's backend would make it. */
function jwt(claims: object, key = SECRET, alg = 'HS256'): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg, typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

function countVisitors(dataDir: string): number {
  const db = new Database(join(dataDir, 'kefu.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM visitors').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

/** The queue an agent sees after every visitor asked for a human. */
async function queueAfterHandoff(server: KefuServer, sockets: ReturnType<typeof connectVisitor>[]): Promise<ConversationSummary[]> {
  const agent = await agentOnDuty(server.url);
  for (const [i, s] of sockets.entries()) ok(await visitorCall(s, 'handoff', { clientId: `handoff-${i}` }));
  return ok(await agentCall(agent, 'hello', {})).queue;
}

describe('identity verification', () => {
  it('refuses unsigned, wrongly signed and expired identities where the site requires one, storing nothing', async () => {
    const { server, dataDir } = await serve({ identitySecret: SECRET, identityRequired: true });
    const s = connectVisitor(server.url);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const refused = [
      await visitorCall(s, 'hello', {}),
      await visitorCall(s, 'hello', { identity: { userId: '42', name: '张三' } }),
      await visitorCall(s, 'hello', { identity: { userId: '42', signature: identitySignature('43', SECRET) } }),
      await visitorCall(s, 'hello', { identity: { jwt: jwt({ sub: '42', exp: exp - 1200 }) } }),
      await visitorCall(s, 'hello', { identity: { jwt: jwt({ sub: '42', exp }, 'not-the-site-secret') } }),
      await visitorCall(s, 'hello', { identity: { jwt: jwt({ sub: '42', exp }, SECRET, 'HS512') } }),
    ];
    expect(refused.map(code)).toEqual(Array(6).fill('unauthorized'));
    expect(await visitorCall(s, 'send', { clientId: 'x', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(countVisitors(dataDir)).toBe(0);
    ok(await visitorCall(s, 'hello', { identity: { userId: '42', signature: identitySignature('42', SECRET) } }));
    ok(await visitorCall(connectVisitor(server.url), 'hello', { identity: { jwt: jwt({ sub: '43', exp }) } }));
    expect(countVisitors(dataDir)).toBe(2);
  });

  it('resumes a verified user on another device, links nothing for an unverified one, and marks both for agents', async () => {
    const { server } = await serve({ identitySecret: SECRET });
    const signed = { userId: 'u-1', name: '李雷', signature: identitySignature('u-1', SECRET) };
    const phone = connectVisitor(server.url);
    const first = ok(await visitorCall(phone, 'hello', { identity: signed }));
    ok(await visitorCall(phone, 'send', { clientId: 'from-phone', text: '我的订单到哪了' }));

    // Another device: a fresh browser, no token, the same verified user id.
    const laptop = connectVisitor(server.url);
    const second = ok(await visitorCall(laptop, 'hello', { identity: signed }));
    expect(second.visitorId).toBe(first.visitorId);
    expect(second.conversation.id).toBe(first.conversation.id);
    expect(second.messages.map((m) => m.text)).toContain('我的订单到哪了');

    // The same user id without a signature is a stranger who merely claims it.
    const claimer = connectVisitor(server.url);
    const third = ok(await visitorCall(claimer, 'hello', { identity: { userId: 'u-1', name: 'Support Team (verified)' } }));
    expect(third.visitorId).not.toBe(first.visitorId);
    expect(third.messages).toEqual([]);
    // Where signing is optional, a wrong signature is still an error, not an anonymous visitor.
    const forged = await visitorCall(connectVisitor(server.url), 'hello', { identity: { userId: 'u-1', signature: identitySignature('u-1', 'guess-guess-guess') } });
    expect(code(forged)).toBe('unauthorized');

    const queue = await queueAfterHandoff(server, [phone, claimer]);
    const byVisitor = new Map(queue.map((c) => [c.visitorId, c]));
    expect(byVisitor.get(first.visitorId)?.identity).toEqual({ name: '李雷', userId: 'u-1', verified: true });
    expect(byVisitor.get(third.visitorId)?.identity).toEqual({ name: 'Support Team (verified)', userId: 'u-1', verified: false });
  });

  it('takes the user id, name and email from a verified JWT', async () => {
    const { server } = await serve({ identitySecret: SECRET, identityRequired: true });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const s = connectVisitor(server.url);
    const hello = ok(await visitorCall(s, 'hello', { identity: { jwt: jwt({ sub: 'u-9', name: 'Han Meimei', email: 'han@example.com', exp }) } }));
    const [summary] = await queueAfterHandoff(server, [s]);
    expect(summary).toMatchObject({ visitorId: hello.visitorId, identity: { userId: 'u-9', name: 'Han Meimei', email: 'han@example.com', verified: true } });
  });
});

describe('visitor tokens', () => {
  it('renews a token past half its life, refuses an expired one, and refuses every token after a rotation', async () => {
    let now = Date.now();
    const server = await createKefuServer(
      { port: 0, dataDir: tempDir(), kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password, limits: TEST_LIMITS },
      { now: () => now },
    );
    servers.push(server);
    const first = ok(await visitorCall(connectVisitor(server.url), 'hello', {}));
    // Within the first half of its life the same token serves.
    now += 10 * DAY;
    expect(ok(await visitorCall(connectVisitor(server.url), 'hello', { token: first.token })).token).toBe(first.token);
    // Past half: same visitor, a fresh token.
    now += 6 * DAY;
    const renewed = ok(await visitorCall(connectVisitor(server.url), 'hello', { token: first.token }));
    expect(renewed.visitorId).toBe(first.visitorId);
    expect(renewed.token).not.toBe(first.token);
    // Past 30 days the old one opens nothing: a new visitor.
    now += 15 * DAY;
    expect(ok(await visitorCall(connectVisitor(server.url), 'hello', { token: first.token })).visitorId).not.toBe(first.visitorId);
    expect(ok(await visitorCall(connectVisitor(server.url), 'hello', { token: renewed.token })).visitorId).toBe(first.visitorId);

    // An admin rotates the site's tokens: the live socket is dropped and its token opens nothing.
    const live = connectVisitor(server.url);
    ok(await visitorCall(live, 'hello', { token: renewed.token }));
    const dropped = new Promise((r) => live.once('disconnect', r));
    const cookie = await login(server.url);
    const rotate = await fetch(`${server.url}/api/sites/demo/rotate-tokens`, { method: 'POST', headers: { cookie } });
    expect(rotate.status).toBe(200);
    expect(((await rotate.json()) as { site: { tokenGeneration: number } }).site.tokenGeneration).toBe(1);
    await dropped;
    expect(ok(await visitorCall(connectVisitor(server.url), 'hello', { token: renewed.token })).visitorId).not.toBe(first.visitorId);
  });
});

describe('site settings', () => {
  it('lets only an admin read and change a site, never shows the secret, and validates changes', async () => {
    const { server } = await serve();
    expect((await fetch(`${server.url}/api/sites/demo`)).status).toBe(401);
    const cookie = await login(server.url);
    const json = { cookie, 'content-type': 'application/json' };
    const patch = (body: unknown) => fetch(`${server.url}/api/sites/demo`, { method: 'PATCH', headers: json, body: JSON.stringify(body) });

    expect((await patch({ identityRequired: true })).status).toBe(400); // no secret yet
    expect((await patch({ allowedOrigins: ['https://shop.example/path'] })).status).toBe(400);
    expect((await patch({ identitySecret: 'short' })).status).toBe(400);
    expect((await patch([])).status).toBe(400);
    const changed = await patch({ identitySecret: SECRET, identityRequired: true, allowedOrigins: ['https://shop.example/'] });
    expect(changed.status).toBe(200);
    const text = await (await fetch(`${server.url}/api/sites/demo`, { headers: { cookie } })).text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).site).toMatchObject({ key: 'demo', identityRequired: true, hasIdentitySecret: true, allowedOrigins: ['https://shop.example'] });
    expect((await fetch(`${server.url}/api/sites/nope`, { headers: { cookie } })).status).toBe(404);

    // The change applies to the next hello at once.
    const s = connectVisitor(server.url, { origin: 'https://shop.example' });
    expect(code(await visitorCall(s, 'hello', {}))).toBe('unauthorized');
    ok(await visitorCall(s, 'hello', { identity: { userId: '7', signature: identitySignature('7', SECRET) } }));
  });
});

/** Resolves 'ok' when the visitor socket connects, else the connect_error's message. */
function handshake(url: string, headers: Record<string, string>): Promise<string> {
  const s = connectVisitor(url, headers);
  return new Promise((resolve) => {
    s.once('connect', () => resolve('ok'));
    s.once('connect_error', (err) => resolve(err.message));
  });
}

describe('origins', () => {
  it('accepts only same-origin and loopback origins when no allow list is set, and says so on /healthz', async () => {
    const { server } = await serve();
    const port = new URL(server.url).port;
    expect(await handshake(server.url, { origin: 'http://localhost:5173' })).toBe('ok');
    expect(await handshake(server.url, { origin: 'https://127.0.0.9:8443' })).toBe('ok');
    expect(await handshake(server.url, { origin: 'http://[::1]:8080' })).toBe('ok');
    expect(await handshake(server.url, { origin: `http://127.0.0.1:${port}` })).toBe('ok');
    expect(await handshake(server.url, {})).toBe('ok');
    expect(await handshake(server.url, { origin: 'https://evil.example' })).toBe('forbidden');
    expect(await handshake(server.url, { origin: 'http://localhost.evil.example' })).toBe('forbidden');
    expect(((await (await fetch(`${server.url}/healthz`)).json()) as { origins: string }).origins).toBe('loopback-only');
  });

  it('fails closed for a site with an allow list: no Origin, no entry', async () => {
    const { server } = await serve({ allowedOrigins: ['https://shop.example'] });
    expect(await handshake(server.url, {})).toBe('forbidden');
    expect(await handshake(server.url, { origin: 'http://localhost:5173' })).toBe('forbidden');
    expect(await handshake(server.url, { origin: 'https://shop.example' })).toBe('ok');
    expect(server.defaultSiteOrigins).toEqual(['https://shop.example']);
    expect(((await (await fetch(`${server.url}/healthz`)).json()) as { origins: string }).origins).toBe('allow-list');
  });
});
