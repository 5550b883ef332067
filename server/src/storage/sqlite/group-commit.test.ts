/** Group commit against a real SQLite file: shared commits, a failing write undone alone, nothing resolved before it is stored. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage.ts';
import { openSqliteStorage } from './sqlite-storage.ts';

describe('SQLite group commit', () => {
  const opened: { storage: Storage; reader: Database.Database }[] = [];
  afterEach(async () => {
    for (const { storage, reader } of opened.splice(0)) {
      reader.close();
      await storage.close();
    }
  });

  async function open() {
    const file = join(mkdtempSync(join(tmpdir(), 'kefu-group-commit-')), 'kefu.sqlite');
    const commits: number[] = [];
    const storage = openSqliteStorage(file, undefined, { onCommit: (writes) => commits.push(writes) });
    // Another connection sees only what is committed.
    const reader = new Database(file, { readonly: true });
    opened.push({ storage, reader });
    await storage.ensureSite({ key: 'demo', name: 'Demo', allowedOrigins: [] }, 1);
    const visitor = await storage.createVisitor({ siteKey: 'demo', now: 1 });
    const conv = await storage.createConversation({ siteKey: 'demo', visitorId: visitor.id, now: 1 });
    commits.length = 0;
    const committedTexts = () =>
      (reader.prepare('SELECT text FROM messages WHERE conversation_id = ? ORDER BY seq').all(conv.id) as { text: string }[]).map((r) => r.text);
    return { storage, conv, commits, committedTexts };
  }

  it('commits the writes of one turn together, and resolves each only once it is committed', async () => {
    const { storage, conv, commits, committedTexts } = await open();
    const seen: string[][] = [];
    const writes = ['一', '二', '三'].map((text, i) =>
      storage
        .appendMessage({ conversationId: conv.id, clientId: `c${i}`, author: 'visitor', text, createdAt: 2 })
        .then((r) => (seen.push(committedTexts()), r)),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.message.seq)).toEqual([1, 2, 3]);
    expect(commits).toEqual([3]);
    // When the first promise resolved, all three were already readable from another connection.
    expect(seen[0]).toEqual(['一', '二', '三']);
  });

  it('undoes a failing write alone: the others of its turn are still stored', async () => {
    const { storage, conv, commits, committedTexts } = await open();
    const before = storage.appendMessage({ conversationId: conv.id, clientId: 'a', author: 'visitor', text: 'before', createdAt: 2 });
    const failing = storage.appendMessage({ conversationId: 'no-such-conversation', author: 'bot', text: 'lost', createdAt: 2 });
    const after = storage.appendMessage({ conversationId: conv.id, clientId: 'b', author: 'visitor', text: 'after', createdAt: 2 });
    await expect(failing).rejects.toThrow(/not found/);
    expect((await before).message.seq).toBe(1);
    expect((await after).message.seq).toBe(2);
    expect(commits).toEqual([2]);
    expect(committedTexts()).toEqual(['before', 'after']);
  });

  it('commits what is pending when the storage closes', async () => {
    const { storage, conv, committedTexts } = await open();
    const write = storage.appendMessage({ conversationId: conv.id, clientId: 'x', author: 'visitor', text: 'last', createdAt: 2 });
    await storage.close();
    expect((await write).created).toBe(true);
    expect(committedTexts()).toEqual(['last']);
  });
});
