/** /healthz tells which knowledge-base content a node serves: two nodes on one folder agree, an edit changes it on both. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbStatus } from '../kb/kb-holder.ts';
import type { KefuServer } from '../create-kefu-server.ts';
import { FIXTURE_KB, startServer, tempDir } from '../../test/support/test-server.ts';

type HealthKb = KbStatus & { contentHash?: string };

const kbOf = async (server: KefuServer): Promise<HealthKb> => ((await (await fetch(`${server.url}/healthz`)).json()) as { kb: HealthKb }).kb;

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/healthz knowledge-base content', () => {
  const kbDir = tempDir();
  const contact = join(kbDir, 'contact.yaml');
  let a: KefuServer;
  let b: KefuServer;
  beforeAll(async () => {
    cpSync(FIXTURE_KB, kbDir, { recursive: true });
    [a, b] = await Promise.all([startServer({ kbDir }), startServer({ kbDir })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('is the same fingerprint on two servers of one folder, changes with an answer on both, and comes back with the old text', async () => {
    const loaded = (s: HealthKb) => !s.loading && s.contentHash !== undefined;
    const [first, second] = await Promise.all([until(() => kbOf(a), loaded), until(() => kbOf(b), loaded)]);
    expect(first.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(second.contentHash).toBe(first.contentHash);
    expect(first.entries).toBe(5);

    const original = readFileSync(contact, 'utf8');
    const edited400 = original.replace('400-XXX-XXXX**（工作日', '400-123-4567**（工作日');
    expect(edited400).not.toBe(original);
    writeFileSync(contact, edited400);
    const changed = (s: HealthKb) => !s.loading && s.contentHash !== first.contentHash;
    const [edited, editedB] = await Promise.all([until(() => kbOf(a), changed), until(() => kbOf(b), changed)]);
    expect(edited.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(edited.contentHash).not.toBe(first.contentHash);
    expect(editedB.contentHash).toBe(edited.contentHash);
    expect(edited.entries).toBe(5);
    expect(edited.loadedAt).toBeGreaterThan(first.loadedAt!);

    // The fingerprint is of the content, not of the load: the old text gives the old fingerprint.
    writeFileSync(contact, original);
    const back = await until(() => kbOf(a), (s) => !s.loading && s.contentHash === first.contentHash);
    expect(back.contentHash).toBe(first.contentHash);
  });
});
