/** Agent sign-in, session cookie, socket authentication, admin bootstrap, and the plain HTTP endpoints. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKefuServer, openSqliteStorage, type KefuServer, type Storage } from '../src/index.ts';
import { ADMIN, FIXTURE_KB, agentCall, closeClients, connectAgent, connectVisitor, login, ok, startServer, tempDir } from './support/test-server.ts';

/** The JSON bodies these endpoints answer with. */
interface Body {
  code?: string;
  message?: string;
  status?: string;
  agent?: { email: string; role: string };
  kb?: { entries: number; error?: string };
}
const json = async (res: Response): Promise<Body> => (await res.json()) as Body;

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** Resolves with the connect_error of a socket that must be refused. */
function refusal(socket: { on(ev: 'connect_error', fn: (err: Error & { data?: unknown }) => void): unknown; on(ev: 'connect', fn: () => void): unknown }) {
  return new Promise<Error & { data?: unknown }>((resolve, reject) => {
    socket.on('connect', () => reject(new Error('connected without a session')));
    socket.on('connect_error', resolve);
  });
}

let server: KefuServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(closeClients);

describe('agent sign-in', () => {
  it('refuses a wrong password with 401 and accepts the right one with an httpOnly session cookie', async () => {
    const wrong = await post(`${server.url}/api/auth/login`, JSON.stringify({ email: ADMIN.email, password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toEqual({ code: 'unauthorized', message: 'wrong email or password' });
    const unknown = await post(`${server.url}/api/auth/login`, JSON.stringify({ email: 'nobody@kefu.test', password: 'nope' }));
    expect(unknown.status).toBe(401);

    const right = await post(`${server.url}/api/auth/login`, JSON.stringify({ email: ` ${ADMIN.email.toUpperCase()} `, password: ADMIN.password }));
    expect(right.status).toBe(200);
    expect((await json(right)).agent).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const setCookie = right.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^kefu_session=[\w-]{20,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = setCookie.split(';')[0]!;

    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect((await json(me)).agent?.email).toBe(ADMIN.email);
    expect((await fetch(`${server.url}/api/auth/me`)).status).toBe(401);
    expect((await post(`${server.url}/api/auth/logout`, '', { cookie })).status).toBe(204);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('rejects bad bodies with coded 400s and never leaks internals', async () => {
    const bad = await post(`${server.url}/api/auth/login`, '{not json');
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({ code: 'bad_request', message: 'malformed JSON body' });
    const invalid = await post(`${server.url}/api/auth/login`, JSON.stringify({ email: 'not-an-email', password: 'x' }));
    expect(invalid.status).toBe(400);
    const huge = await post(`${server.url}/api/auth/login`, JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(20_000) }));
    expect(huge.status).toBe(413);
    expect((await json(huge)).code).toBe('too_large');
  });

  it('refuses an agent socket without a valid session, and from a foreign origin', async () => {
    const none = await refusal(connectAgent(server.url));
    expect(none.message).toBe('unauthorized');
    expect(none.data).toMatchObject({ code: 'unauthorized' });
    const forged = await refusal(connectAgent(server.url, 'kefu_session=forged-token'));
    expect(forged.message).toBe('unauthorized');

    const cookie = await login(server.url);
    const socket = connectAgent(server.url, cookie);
    expect(ok(await agentCall(socket, 'hello', {})).agent.email).toBe(ADMIN.email);
  });
});

describe('admin bootstrap', () => {
  it('generates admin@localhost once, and KEFU_ADMIN_* resets the password', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir, adminEmail: undefined, adminPassword: undefined });
    try {
      expect(first.admin).toMatchObject({ source: 'generated', email: 'admin@localhost' });
      const password = first.admin.source === 'generated' ? first.admin.password : '';
      expect(password.length).toBeGreaterThanOrEqual(12);
      await login(first.url, 'admin@localhost', password);
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir, adminEmail: undefined, adminPassword: undefined });
    try {
      expect(second.admin).toEqual({ source: 'existing' });
    } finally {
      await second.close();
    }
    const reset = await startServer({ dataDir, adminEmail: 'admin@localhost', adminPassword: 'new secret 42' });
    try {
      expect(reset.admin).toEqual({ source: 'env', email: 'admin@localhost' });
      await expect(login(reset.url, 'admin@localhost', 'new secret 42')).resolves.toMatch(/^kefu_session=/);
      const old = await post(`${reset.url}/api/auth/login`, JSON.stringify({ email: 'admin@localhost', password: 'wrong' }));
      expect(old.status).toBe(401);
    } finally {
      await reset.close();
    }
  });
});

describe('http', () => {
  it('reports health with the knowledge base, and metrics in Prometheus text', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const body = await json(health);
    expect(body).toMatchObject({ status: 'ok', kb: { entries: 5 } });
    expect(body.kb?.error).toBeUndefined();
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^kefu_conversations\{state="queued"\} \d+$/m);
    expect(text).toMatch(/^kefu_messages_total \d+$/m);
    expect(text).toMatch(/^kefu_bot_decisions_total\{decision="answer"\} \d+$/m);
    expect(text).toMatch(/^kefu_queue_length \d+$/m);
  });

  it('answers 503 when the database does not answer', async () => {
    const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
    let down = false;
    const flaky = Object.assign(Object.create(storage) as Storage, {
      ping: () => (down ? Promise.reject(new Error('disk gone')) : storage.ping()),
    });
    const sick = await createKefuServer({ port: 0, dataDir: tempDir(), kbDir: FIXTURE_KB, logLevel: 'silent' }, { storage: flaky });
    try {
      expect((await fetch(`${sick.url}/healthz`)).status).toBe(200);
      down = true;
      const res = await fetch(`${sick.url}/healthz`);
      expect(res.status).toBe(503);
      expect(JSON.stringify(await json(res))).not.toContain('disk gone');
    } finally {
      await sick.close();
    }
  });

  it('serves the demo page, security headers, and 503 for artefacts not built yet', async () => {
    const empty = tempDir();
    const bare = await startServer({ widgetDistDir: join(empty, 'w'), consoleDistDir: join(empty, 'c') });
    try {
      const page = await fetch(`${bare.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await page.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<script src="/widget.js" data-site="demo" async></script>');
      const widget = await fetch(`${bare.url}/widget.js`);
      expect(widget.status).toBe(503);
      expect(await widget.text()).toMatch(/not built/);
      expect((await fetch(`${bare.url}/console`)).status).toBe(503);
      const missing = await fetch(`${bare.url}/no/such/page`);
      expect(missing.status).toBe(404);
      expect(await json(missing)).toMatchObject({ code: 'not_found' });
    } finally {
      await bare.close();
    }
  });

  it('serves built widget files cross-origin and the console with frame protection', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'w'));
    mkdirSync(join(dist, 'c'));
    writeFileSync(join(dist, 'w', 'widget.js'), 'console.log("loader")');
    writeFileSync(join(dist, 'w', 'widget-app.js'), 'console.log("app")');
    writeFileSync(join(dist, 'c', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'c', 'console.js'), 'console.log("console")');
    const built = await startServer({ widgetDistDir: join(dist, 'w'), consoleDistDir: join(dist, 'c') });
    try {
      const loader = await fetch(`${built.url}/widget.js`, { headers: { origin: 'https://shop.example' } });
      expect(loader.status).toBe(200);
      expect(loader.headers.get('access-control-allow-origin')).toBe('*');
      expect(loader.headers.get('content-type')).toMatch(/javascript/);
      expect(loader.headers.get('cache-control')).toMatch(/max-age=\d+/);
      expect(await (await fetch(`${built.url}/widget-app.js`)).text()).toContain('app');
      for (const path of ['/console', '/console/', '/console/queue/123']) {
        const res = await fetch(`${built.url}${path}`);
        expect(await res.text(), path).toContain('<title>console</title>');
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      }
      const asset = await fetch(`${built.url}/console/console.js`);
      expect(await asset.text()).toContain('console');
    } finally {
      await built.close();
    }
  });

  it('refuses visitor sockets from origins outside ALLOWED_ORIGINS', async () => {
    const strict = await startServer({ allowedOrigins: ['https://shop.example'] });
    try {
      const bad = connectVisitor(strict.url, { origin: 'https://evil.example' });
      const err = await refusal(bad);
      expect(err.message).toBe('forbidden');
      const good = connectVisitor(strict.url, { origin: 'https://shop.example' });
      await new Promise<void>((resolve, reject) => {
        good.on('connect', resolve);
        good.on('connect_error', reject);
      });
    } finally {
      await strict.close();
    }
  });
});
