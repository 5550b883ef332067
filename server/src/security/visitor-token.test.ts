/** Visitor tokens survive a restart (secret in the database) and cannot be forged or re-pointed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import { createVisitorTokens } from './visitor-token.ts';

describe('visitor tokens', () => {
  it('verify across restarts and reject tampering', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kefu-token-')), 'db.sqlite');
    const first = openSqliteStorage(file);
    const token = (await createVisitorTokens(first)).issue('visitor-1');
    await first.close();
    const second = openSqliteStorage(file);
    const tokens = await createVisitorTokens(second);
    expect(tokens.verify(token)).toBe('visitor-1');
    expect(tokens.verify(token.replace('visitor-1', 'visitor-2'))).toBeUndefined();
    expect(tokens.verify(`${token}x`)).toBeUndefined();
    expect(tokens.verify('visitor-1')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
    await second.close();
  });
});
