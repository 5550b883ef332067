/**
 * Another process holding SQLite's write lock: the server keeps answering (no synchronous wait on the
 * event loop), a send either lands after the lock is released or gets the retryable `unavailable`,
 * never `internal`, and nothing is stored twice or lost.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, ok, recorder, startServer, tempDir, visitorCall } from './support/test-server.ts';

const HOLD_MS = 3000;

/** A separate node process that takes the write lock (BEGIN IMMEDIATE), holds it, then commits. */
function holdWriteLock(file: string): { locked: Promise<void>; released: Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `
    const Database = require(${JSON.stringify(driver)});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value) VALUES ('lock-test', 'held') ON CONFLICT (key) DO NOTHING").run();
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, ${HOLD_MS});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(word) && resolve();
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        check();
      });
      child.once('exit', (code) => (out.includes(word) ? resolve() : reject(new Error(`lock holder exited (${code}) before "${word}"`))));
    });
  return { locked: seen('locked'), released: seen('released') };
}

describe('a write lock held by another process', () => {
  let server: KefuServer;
  const dataDir = tempDir();
  const file = join(dataDir, 'kefu.sqlite');
  afterAll(async () => {
    closeClients();
    await server?.close();
  });

  it('keeps /healthz fast, answers a send ok or unavailable, and keeps the data whole', async () => {
    server = await startServer({ dataDir });
    const v = connectVisitor(server.url);
    const hello = ok(await visitorCall(v, 'hello', {}));
    const messages = recorder<Message>(v, 'message');

    // Warm: the first request of a fresh server pays for lazy set-up, not for the lock.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const lock = holdWriteLock(file);
    await lock.locked;
    const send = visitorCall(v, 'send', { clientId: 'during-lock', text: '客服热线是多少？' });
    const slowest: number[] = [];
    // The first probe goes out with the send: a server that waits for the lock synchronously answers it only after the lock is gone.
    for (let i = 0; i < 5; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      slowest.push(performance.now() - started);
      expect(res.status).toBe(200);
    }
    expect(Math.max(...slowest)).toBeLessThan(300);

    const during = await send;
    if (!during.ok) expect(during.error.code).toBe('unavailable');
    await lock.released;
    // The widget retries a retryable failure with the same client id; a success is acknowledged the same again.
    const stored = ok(await visitorCall(v, 'send', { clientId: 'during-lock', text: '客服热线是多少？' }));
    if (during.ok) expect(stored.message).toEqual(during.data.message);
    await messages.next((m) => m.author === 'bot' && m.seq > stored.message.seq, 10_000);

    const all = ok(await visitorCall(v, 'sync', { afterSeq: 0 })).messages;
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.filter((m) => m.id === 'during-lock')).toHaveLength(1);
    expect(all.filter((m) => m.author === 'bot')).toHaveLength(1);
    expect(hello.conversation.id).toBe((await visitorCall(v, 'hello', { token: hello.token }).then(ok)).conversation.id);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  }, 30_000);
});
