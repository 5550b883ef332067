/** Response headers (CSP, framing, HSTS only over TLS) and who may read /metrics. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KefuServer } from '../src/index.ts';
import { startServer, tempDir } from './support/test-server.ts';

/** Parses a CSP header into directive → sources. */
function csp(header: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

let server: KefuServer;
beforeAll(async () => {
  const dist = tempDir();
  mkdirSync(join(dist, 'w'));
  mkdirSync(join(dist, 'c'));
  writeFileSync(join(dist, 'w', 'widget.js'), 'console.log("loader")');
  writeFileSync(join(dist, 'c', 'index.html'), '<!doctype html><title>console</title>');
  server = await startServer({ widgetDistDir: join(dist, 'w'), consoleDistDir: join(dist, 'c') });
}, 60_000);
afterAll(() => server.close(), 30_000);

describe('security headers', () => {
  it('gives the console and the API a strict policy: own scripts only, no plugins, no <base>, no framing by others', async () => {
    for (const path of ['/console', '/api/auth/me']) {
      const res = await fetch(`${server.url}${path}`);
      const policy = csp(res.headers.get('content-security-policy'));
      expect(policy['default-src'], path).toEqual(["'self'"]);
      expect(policy['script-src'], path).toEqual(["'self'"]);
      expect(policy['style-src'], path).toEqual(["'self'"]);
      expect(policy['object-src'], path).toEqual(["'none'"]);
      expect(policy['base-uri'], path).toEqual(["'none'"]);
      expect(policy['frame-ancestors'], path).toEqual(["'self'"]);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('lets the demo page and the widget keep their inline styles, never inline scripts', async () => {
    const res = await fetch(`${server.url}/`);
    const policy = csp(res.headers.get('content-security-policy'));
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)/);
    const loader = await fetch(`${server.url}/widget.js`);
    expect(loader.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('sends HSTS only when the request came over TLS through a trusted proxy', async () => {
    expect((await fetch(`${server.url}/console`)).headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${server.url}/console`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains$/);
    const untrusted = await startServer({ trustProxy: false });
    try {
      const res = await fetch(`${untrusted.url}/console`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await untrusted.close();
    }
  });
});

describe('/metrics', () => {
  it('answers a direct loopback connection, and refuses one relayed by a proxy', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }] as Record<string, string>[]) {
      const relayed = await fetch(`${server.url}/metrics`, { headers });
      expect(relayed.status).toBe(403);
      expect(((await relayed.json()) as { code: string }).code).toBe('forbidden');
    }
  });

  it('with METRICS_TOKEN, needs the bearer token from everyone', async () => {
    const guarded = await startServer({ metricsToken: 's3cret-metrics-token' });
    try {
      const none = await fetch(`${guarded.url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await none.json()) as { code: string }).code).toBe('unauthorized');
      for (const authorization of ['Bearer wrong', 'Bearer s3cret-metrics-token-and-more', 'Basic czNjcmV0', 's3cret-metrics-token']) {
        expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization } })).status, authorization).toBe(401);
      }
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer s3cret-metrics-token', 'x-forwarded-for': '203.0.113.9' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^kefu_messages_total \d+$/m);
    } finally {
      await guarded.close();
    }
  });
});
