/** Agent sessions end when they should: sign-out, password change, env reset, idle and absolute limits; the socket follows within seconds. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKefuServer, openSqliteStorage, type KefuServer } from '../src/index.ts';
import { hashSessionToken } from '../src/security/session-token.ts';
import { ADMIN, FIXTURE_KB, agentCall, closeClients, connectAgent, login, ok, sleep, socketTokenFor, startServer, tempDir, type AgentClient } from './support/test-server.ts';

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
}, 30_000);

async function serve(...args: Parameters<typeof startServer>): Promise<KefuServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

/** Resolves once the socket is connected (rejects with the connect_error). */
function connected(socket: AgentClient): Promise<AgentClient> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the time the socket took to be disconnected by the server. */
function serverDisconnect(socket: AgentClient, startedAt = Date.now()): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket still connected after 6 s')), 6000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      if (reason !== 'io server disconnect') reject(new Error(`disconnected for another reason: ${reason}`));
      resolve(Date.now() - startedAt);
    });
  });
}

const me = (url: string, cookie: string) => fetch(`${url}/api/auth/me`, { headers: { cookie } }).then((r) => r.status);
const post = (url: string, body: unknown, cookie?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

/** Resolves with the connect_error of a refused socket. */
function refusal(socket: AgentClient): Promise<Error & { data?: { code: string } }> {
  return new Promise((resolve, reject) => {
    socket.on('connect', () => reject(new Error('connected although it must be refused')));
    socket.on('connect_error', resolve);
  });
}

describe('the agent socket handshake', { timeout: 60_000 }, () => {
  it('needs the socket token besides the cookie, and refuses foreign pages', async () => {
    const server = await serve();
    const cookie = await login(server.url);
    const token = await socketTokenFor(server.url, cookie);
    expect(token).toMatch(/^[\w-]{40,}$/);

    const noToken = await refusal(connectAgent(server.url, cookie, { token: null }));
    expect(noToken.data).toEqual({ code: 'unauthorized', message: 'socket token missing or wrong' });
    const wrong = await refusal(connectAgent(server.url, cookie, { token: `${token.slice(0, -2)}xx` }));
    expect(wrong.data?.code).toBe('unauthorized');
    const otherSession = await socketTokenFor(server.url, await login(server.url));
    expect((await refusal(connectAgent(server.url, cookie, { token: otherSession }))).data?.code).toBe('unauthorized');

    const foreign = await refusal(connectAgent(server.url, cookie, { token, headers: { origin: 'http://127.0.0.1:1' } }));
    expect(foreign.data).toEqual({ code: 'forbidden', message: 'origin not allowed' });
    // A `<script>` (JSONP) request carries no Origin, but the browser says where it comes from.
    for (const site of ['same-site', 'cross-site', 'none']) {
      const res = await refusal(connectAgent(server.url, cookie, { token, transports: ['polling'], headers: { 'sec-fetch-site': site } }));
      expect(res.data?.code).toBe('forbidden');
    }

    for (const transports of [['polling'], ['websocket']] as const) {
      const socket = await connected(connectAgent(server.url, cookie, { transports: [...transports], headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } }));
      expect(ok(await agentCall(socket, 'hello', {})).agent.email).toBe(ADMIN.email);
    }
  });
});

describe('ending sessions', { timeout: 60_000 }, () => {
  it('sign-out ends the session and disconnects its open socket within 5 s, leaving other sessions alone', async () => {
    const server = await serve();
    const [cookie, other] = [await login(server.url), await login(server.url)];
    const socket = await connected(connectAgent(server.url, cookie));
    const otherSocket = await connected(connectAgent(server.url, other));
    const started = Date.now();
    const gone = serverDisconnect(socket, started);
    expect((await post(`${server.url}/api/auth/logout`, {}, cookie)).status).toBe(204);
    expect(await gone).toBeLessThan(5000);
    expect(await me(server.url, cookie)).toBe(401);
    expect((await refusal(connectAgent(server.url, cookie))).message).toBe('unauthorized');
    expect(otherSocket.connected).toBe(true);
    expect(ok(await agentCall(otherSocket, 'hello', {})).agent.email).toBe(ADMIN.email);
  });

  it('a password change ends every other session and socket; the caller continues on a fresh cookie', async () => {
    const server = await serve();
    const [mine, stolen] = [await login(server.url), await login(server.url)];
    const stolenSocket = await connected(connectAgent(server.url, stolen));
    const mySocket = await connected(connectAgent(server.url, mine));
    const url = `${server.url}/api/auth/password`;

    const short = await post(url, { currentPassword: ADMIN.password, newPassword: 'short' }, mine);
    expect(short.status).toBe(400);
    expect(((await short.json()) as { code: string }).code).toBe('bad_request');
    expect((await post(url, [ADMIN.password, 'long enough 1'], mine)).status).toBe(400);
    const wrong = await post(url, { currentPassword: 'not it', newPassword: 'long enough 1' }, mine);
    expect(wrong.status).toBe(403);
    expect((await post(url, { currentPassword: ADMIN.password, newPassword: 'long enough 1' })).status).toBe(401);

    const gone = [serverDisconnect(stolenSocket), serverDisconnect(mySocket)];
    const changed = await post(url, { currentPassword: ADMIN.password, newPassword: 'new password 2' }, mine);
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { agent: { email: string }; socketToken: string };
    expect(body.agent.email).toBe(ADMIN.email);
    const fresh = changed.headers.get('set-cookie')!.split(';')[0]!;
    expect(fresh).not.toBe(mine);
    for (const ms of await Promise.all(gone)) expect(ms).toBeLessThan(5000);

    expect(await me(server.url, stolen)).toBe(401);
    expect(await me(server.url, mine)).toBe(401);
    expect(await me(server.url, fresh)).toBe(200);
    const again = await connected(connectAgent(server.url, fresh, { token: body.socketToken }));
    expect(ok(await agentCall(again, 'hello', {})).agent.email).toBe(ADMIN.email);
    expect((await post(`${server.url}/api/auth/login`, ADMIN)).status).toBe(401);
    await login(server.url, ADMIN.email, 'new password 2');
  });

  it('the env admin reset at start signs everyone out; a restart with the same password does not', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir });
    const cookie = await login(first.url);
    await first.close();

    const same = await startServer({ dataDir });
    try {
      expect(await me(same.url, cookie)).toBe(200);
    } finally {
      await same.close();
    }

    const reset = await serve({ dataDir, adminPassword: 'reset at start 3' });
    expect(await me(reset.url, cookie)).toBe(401);
    await login(reset.url, ADMIN.email, 'reset at start 3');
  }, 90_000);

  it('a session deleted by another process is refused on the next event and swept off its socket', async () => {
    const dataDir = tempDir();
    const server = await serve({ dataDir });
    const cookie = await login(server.url);
    const socket = await connected(connectAgent(server.url, cookie));
    const sessionHash = hashSessionToken(decodeURIComponent(cookie.split('=')[1]!));
    const other = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
    const started = Date.now();
    const gone = serverDisconnect(socket, started);
    try {
      await other.deleteSession(sessionHash);
    } finally {
      await other.close();
    }
    await sleep(1100);
    const res = await agentCall(socket, 'hello', {}).catch(() => undefined);
    if (res) expect(res).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await gone).toBeLessThan(3500);
  });
});

describe('session lifetime', { timeout: 60_000 }, () => {
  const HOUR = 60 * 60 * 1000;

  async function clockedServer(config: { sessionIdleMs?: number; sessionLifetimeMs?: number } = {}) {
    let t = Date.now();
    const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
    const server = await createKefuServer(
      { port: 0, dataDir: tempDir(), kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password, ...config },
      { storage, now: () => t },
    );
    servers.push(server);
    return { server, advance: (ms: number) => (t += ms) };
  }

  it('ends a session left idle for 12 hours, while use keeps it alive', async () => {
    const { server, advance } = await clockedServer();
    const used = await login(server.url);
    const idle = await login(server.url);
    const socket = await connected(connectAgent(server.url, idle));
    const gone = serverDisconnect(socket);
    for (let i = 0; i < 13; i++) {
      advance(HOUR);
      expect(await me(server.url, used)).toBe(200);
    }
    expect(await me(server.url, idle)).toBe(401);
    expect(await gone).toBeLessThan(5000);
  });

  it('ends every session 7 days after sign-in however busy it is', async () => {
    const { server, advance } = await clockedServer();
    const cookie = await login(server.url);
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      advance(6 * HOUR);
      expect(await me(server.url, cookie)).toBe(200);
    }
    advance(6 * HOUR);
    expect(await me(server.url, cookie)).toBe(401);
  });

  it('takes its limits from the configuration', async () => {
    const { server, advance } = await clockedServer({ sessionIdleMs: 10 * 60_000, sessionLifetimeMs: HOUR });
    const cookie = await login(server.url);
    expect((await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).headers.get('set-cookie')).toMatch(/Max-Age=3600/);
    advance(9 * 60_000);
    expect(await me(server.url, cookie)).toBe(200);
    advance(11 * 60_000);
    expect(await me(server.url, cookie)).toBe(401);
  });
});
