/// <reference types="node" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type ModuleSize } from '../build.mjs';

/**
 * Budgets in gzip bytes. The loader is on every page view; the app loads when a visitor shows
 * intent to chat, and is what they wait for on a cold open (the floor of Preact + hooks +
 * socket.io-client alone is ~17.4 KB).
 */
const LOADER_GZIP = 1536;
const APP_GZIP = 25 * 1024;

const outdir = mkdtempSync(join(tmpdir(), 'kefu-widget-size-'));
let built: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  built = await build({ outdir });
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const measure = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
};

/** What each module adds before compression, so a budget failure points at its cause. */
function table(title: string, rows: ModuleSize[]): string {
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  const lines = rows.map((row) => `${String(row.bytes).padStart(7)}  ${((row.bytes / total) * 100).toFixed(1).padStart(5)}%  ${row.module}`);
  return [`${title} (bytes each module renders into the bundle, before minifying and gzip)`, ...lines, `${String(total).padStart(7)}  total`].join('\n');
}

describe('widget bundle size', () => {
  it('keeps the loader within 1.5 KB and each app chunk within 25 KB gzip', () => {
    const loader = measure(built.loader);
    const lines = [`widget.js ${loader.raw} B raw, ${loader.gzip} B gzip`];
    const apps = Object.entries(built.apps).map(([lang, file]) => {
      const app = measure(file);
      lines.push(`widget-app (${lang}) ${app.raw} B raw, ${app.gzip} B gzip`);
      return app;
    });
    console.log([...lines, '', table('widget.js', built.modules.loader), '', table('widget-app (zh-CN)', built.modules.app)].join('\n'));
    expect(loader.gzip).toBeLessThanOrEqual(LOADER_GZIP);
    for (const app of apps) expect(app.gzip).toBeLessThanOrEqual(APP_GZIP);
  });

  it('ships no Preact or socket client in the loader, and no sourcemap or debug build in either', () => {
    const loader = measure(built.loader).text;
    expect(loader).not.toMatch(/__H|socket\.io|engine\.io/);
    for (const file of [built.loader, ...Object.values(built.apps)]) {
      const text = measure(file).text;
      expect(text).not.toContain('sourceMappingURL');
      expect(text).not.toMatch(/process\.env|console\.log/);
    }
    // The schemas (valibot) are server-side only; the app must not carry them.
    expect(measure(built.apps['zh-CN']).text).not.toMatch(/valibot|InferOutput/);
  });

  it('compiles the chunks\' hash into the loader and carries one language per chunk', () => {
    expect(measure(built.loader).text).toContain(built.version);
    const zh = measure(built.apps['zh-CN']).text;
    const en = measure(built.apps.en).text;
    // 转人工客服 as the ASCII-only output escapes it (\uXXXX, hex digits in either case), and its English label.
    const human = /\\u8f6c\\u4eba\\u5de5\\u5ba2\\u670d/i;
    expect(zh).toMatch(human);
    expect(zh).not.toContain('Talk to a human');
    expect(en).toContain('Talk to a human');
    expect(en).not.toMatch(human);
  });
});
