/** The browser artefacts on the wire: precompressed loader, app chunks and console assets by Accept-Encoding, their cache lifetimes, and widget.d.ts. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, compress } from '../../widget/build.mjs';
import type { KefuServer } from '../src/index.ts';
import { pickEncoding } from '../src/http/send-precompressed.ts';
import { startServer, tempDir } from './support/test-server.ts';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body is left exactly as sent (fetch would decode it and pick its own Accept-Encoding). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const decode = (res: Raw): Buffer =>
  res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;

let server: KefuServer;
let dist: string;
let version: string;
beforeAll(async () => {
  dist = tempDir();
  ({ version } = await build({ outdir: dist }));
  const consoleDir = join(dist, 'console');
  mkdirSync(consoleDir);
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(consoleDir, 'console.css'), `.app{color:red}\n`.repeat(200));
  await compress(join(consoleDir, 'console.css'));
  server = await startServer({ widgetDistDir: dist, consoleDistDir: consoleDir });
}, 60_000);
afterAll(() => server?.close());

describe('widget files on the wire', () => {
  it('sends widget.js as brotli, gzip or identity by Accept-Encoding, always varying on it, cached 5 minutes', async () => {
    const original = readFileSync(join(dist, 'widget.js'));
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.1', 'br'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await rawGet(`${server.url}/widget.js`, accept ? { 'accept-encoding': accept } : {});
      expect(res.status, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBe(expected);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(decode(res).equals(original), String(accept)).toBe(true);
      if (expected) expect(res.body.length).toBeLessThan(original.length * 0.7);
    }
  });

  it('serves the app chunk the loader names, compressed and immutable for a year, with a 304 on revalidation', async () => {
    const loader = readFileSync(join(dist, 'widget.js'), 'utf8');
    expect(loader).toContain(version);
    for (const lang of ['zh-CN', 'en']) {
      const url = `${server.url}/widget-app.${lang}.${version}.js`;
      const br = await rawGet(url, { 'accept-encoding': 'br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      const original = readFileSync(join(dist, `widget-app.${lang}.${version}.js`));
      expect(decode(br).equals(original)).toBe(true);
      const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(decode(gz).equals(original)).toBe(true);
      // Each coding has its own validator, so a cache never revalidates one coding against another.
      expect(gz.headers.etag).toBeTruthy();
      expect(gz.headers.etag).not.toBe(br.headers.etag);
      const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('redirects a chunk from an earlier build to the current all-languages app, without caching the redirect', async () => {
    const res = await rawGet(`${server.url}/widget-app.zh-CN.000000000000.js`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('widget-app.js');
    expect(res.headers['cache-control']).toBe('no-cache');
    const alias = await rawGet(`${server.url}/widget-app.js`, { 'accept-encoding': 'gzip' });
    expect(alias.status).toBe(200);
    expect(alias.headers['cache-control']).toBe('public, max-age=300');
    expect(decode(alias).toString()).toContain('_app');
  });

  it('serves widget.d.ts to any origin as text', async () => {
    const res = await rawGet(`${server.url}/widget.d.ts`, { origin: 'https://shop.example' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.toString()).toMatch(/\(command: 'identify', identity: KefuIdentity\): void;/);
  });
});

describe('console assets on the wire', () => {
  it('sends console.css precompressed, with the console\'s frame protection', async () => {
    const original = readFileSync(join(dist, 'console', 'console.css'));
    const br = await rawGet(`${server.url}/console/console.css?v=1`, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(decode(br).equals(original)).toBe(true);
    const plain = await rawGet(`${server.url}/console/console.css`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, honours q=0 and *, else identity', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0,gzip;q=1')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('BR')).toBe('br');
    expect(pickEncoding('deflate')).toBeUndefined();
    expect(pickEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(pickEncoding('')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});
