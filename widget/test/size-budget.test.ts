/// <reference types="node" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../build.mjs';

/** Budgets in gzip bytes: the loader is on every page view, the app only loads for visitors who chat or sit idle. */
const LOADER_GZIP = 2048;
const APP_GZIP = 30 * 1024;

const outdir = mkdtempSync(join(tmpdir(), 'kefu-widget-size-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const measure = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
};

describe('widget bundle size', () => {
  it('keeps the loader within 2 KB and the app within 30 KB gzip', async () => {
    const files = await build({ outdir });
    const loader = measure(files.loader);
    const app = measure(files.app);
    console.log(`widget.js ${loader.raw} B raw, ${loader.gzip} B gzip; widget-app.js ${app.raw} B raw, ${app.gzip} B gzip`);
    expect(loader.gzip).toBeLessThanOrEqual(LOADER_GZIP);
    expect(app.gzip).toBeLessThanOrEqual(APP_GZIP);
  });

  it('ships no Preact or socket client in the loader, and no sourcemap or debug build in either', async () => {
    const files = await build({ outdir });
    const loader = measure(files.loader).text;
    const app = measure(files.app).text;
    expect(loader).not.toMatch(/__H|socket\.io|engine\.io/);
    for (const text of [loader, app]) {
      expect(text).not.toContain('sourceMappingURL');
      expect(text).not.toMatch(/process\.env|console\.log/);
    }
    // The schemas (valibot) are server-side only; the app must not carry them.
    expect(app).not.toMatch(/valibot|InferOutput/);
  });
});
