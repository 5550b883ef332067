/**
 * Visitor rate limits and the engine guard, over real sockets: a token-less hello starts no fresh
 * budget, visitor creation and messages are limited per client IP (X-Forwarded-For only from a
 * trusted proxy), open connections and handshakes per IP are capped, and JSONP is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { KefuServer } from '../src/index.ts';
import { DEFAULT_LIMITS, type LimitSettings } from '../src/security/rate-limiter.ts';
import { closeClients, connectVisitor, ok, startServer, visitorCall, type VisitorClient } from './support/test-server.ts';

const servers: KefuServer[] = [];
afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(limits: Partial<LimitSettings>, extra: Parameters<typeof startServer>[0] = {}): Promise<KefuServer> {
  const server = await startServer({ limits: { ...DEFAULT_LIMITS, ...limits }, ...extra });
  servers.push(server);
  return server;
}

let n = 0;
const send = async (socket: VisitorClient, text = 'hello') => {
  const res = await visitorCall(socket, 'send', { clientId: `m${++n}`, text });
  return res.ok ? 'ok' : res.error.code;
};

describe('visitor rate limits', () => {
  it('keeps limiting a socket that re-sends hello without a token, and stores nothing when limited', async () => {
    const server = await serve({});
    const socket = connectVisitor(server.url);
    ok(await visitorCall(socket, 'hello', {}));
    const codes: string[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.messagesPerConnection; i++) codes.push(await send(socket));
    expect(codes.every((c) => c === 'ok')).toBe(true);
    // The old bypass: a fresh visitor per hello came with a fresh budget.
    const fresh = ok(await visitorCall(socket, 'hello', {}));
    expect(fresh.conversation.lastSeq).toBe(0);
    const limited = await visitorCall(socket, 'send', { clientId: 'after-fresh-hello', text: 'still me' });
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const again = ok(await visitorCall(socket, 'hello', { token: fresh.token }));
    expect(again.conversation.lastSeq).toBe(0);
  });

  it('limits how many visitors one address can create', async () => {
    const server = await serve({});
    const codes: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.visitorsPerIpPerMinute + 2; i++) {
      const res = await visitorCall(connectVisitor(server.url), 'hello', {});
      codes.push(res.ok ? 'ok' : res.error.code);
      if (res.ok) tokens.push(res.data.token);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(DEFAULT_LIMITS.visitorsPerIpPerMinute);
    expect(codes.slice(-2)).toEqual(['rate_limited', 'rate_limited']);
    // A returning visitor (with a token) is not a new one and still gets in.
    const back = ok(await visitorCall(connectVisitor(server.url), 'hello', { token: tokens[0] }));
    expect(back.token).toBe(tokens[0]);
  });

  it('counts messages per client address: proxied visitors apart, spoofed X-Forwarded-For together', async () => {
    const limits = { messagesPerIp: 3 };
    const trusted = await serve(limits); // TRUST_PROXY defaults to loopback, where the test clients are
    const a = connectVisitor(trusted.url, { 'x-forwarded-for': '203.0.113.1' });
    const a2 = connectVisitor(trusted.url, { 'x-forwarded-for': '203.0.113.1' });
    const b = connectVisitor(trusted.url, { 'x-forwarded-for': '203.0.113.2' });
    for (const s of [a, a2, b]) ok(await visitorCall(s, 'hello', {}));
    expect([await send(a), await send(a), await send(a2), await send(a2)]).toEqual(['ok', 'ok', 'ok', 'rate_limited']);
    expect(await send(b)).toBe('ok');

    const untrusted = await serve(limits, { trustProxy: false });
    const c = connectVisitor(untrusted.url, { 'x-forwarded-for': '203.0.113.1' });
    const d = connectVisitor(untrusted.url, { 'x-forwarded-for': '203.0.113.2' });
    for (const s of [c, d]) ok(await visitorCall(s, 'hello', {}));
    expect([await send(c), await send(c), await send(c)]).toEqual(['ok', 'ok', 'ok']);
    expect(await send(d)).toBe('rate_limited');
  });
});

/** Opens a raw Engine.IO WebSocket; resolves 'open' or the refusal's status and body. */
function rawSocket(url: string): Promise<{ ws?: WebSocket; refused?: { status: number; body: string } }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ refused: { status: res.statusCode ?? 0, body } }));
    });
    ws.once('error', () => resolve({ refused: { status: 0, body: 'error' } }));
  });
}

describe('engine guard', () => {
  it('refuses connections from one address beyond the cap, and lets one in again when another closes', async () => {
    const server = await serve({});
    const results = await Promise.all(Array.from({ length: 300 }, () => rawSocket(server.url)));
    const open = results.filter((r) => r.ws);
    const refused = results.filter((r) => r.refused);
    try {
      expect(open).toHaveLength(DEFAULT_LIMITS.connectionsPerIp);
      expect(refused).toHaveLength(300 - DEFAULT_LIMITS.connectionsPerIp);
      expect(refused[0]!.refused!.body).toMatch(/too many open connections/);
      const closed = new Promise((r) => open[0]!.ws!.once('close', r));
      open[0]!.ws!.close();
      await closed;
      await new Promise((r) => setTimeout(r, 100));
      const again = await rawSocket(server.url);
      expect(again.ws).toBeDefined();
      again.ws?.close();
    } finally {
      for (const r of open) r.ws!.terminate();
    }
  });

  it('refuses a polling handshake flood beyond the per-minute cap with 403 and a reason', async () => {
    const server = await serve({ connectionsPerIp: 10_000 });
    const statuses: number[] = [];
    let lastBody = '';
    for (let i = 0; i < DEFAULT_LIMITS.handshakesPerIpPerMinute + 5; i++) {
      const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
      statuses.push(res.status);
      lastBody = await res.text();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEFAULT_LIMITS.handshakesPerIpPerMinute);
    expect(statuses.slice(-5)).toEqual([403, 403, 403, 403, 403]);
    expect(JSON.parse(lastBody).message).toMatch(/too many connection attempts/);
  });

  it('refuses JSONP polling for every namespace', async () => {
    const server = await serve({});
    const jsonp = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&j=0`);
    expect(jsonp.status).toBe(403);
    expect(JSON.parse(await jsonp.text()).message).toMatch(/JSONP/);
    const plain = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(plain.status).toBe(200);
  });
});
