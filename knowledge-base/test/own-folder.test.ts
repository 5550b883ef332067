/** A cache in the temporary folder is trusted only in a folder of this user that no one else may write into. */
import { chmodSync, chownSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFolder, ownedByThisUser } from '../src/cache/own-folder.ts';

const base = () => mkdtempSync(join(tmpdir(), 'kefu-own-folder-'));

describe('own cache folders', () => {
  it('makes a folder for this user alone, and trusts the files this user wrote there', () => {
    const dir = join(base(), 'cache');
    expect(ownedByThisUser(dir)).toBe(false);
    expect(ownFolder(dir)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    writeFileSync(join(dir, 'a.json'), '{}');
    expect(ownedByThisUser(dir, 'a.json')).toBe(true);
    expect(ownedByThisUser(dir, 'a.json', 'missing.json')).toBe(false);
  });

  it('trusts no folder that others may write into, until it is closed to them', () => {
    const dir = base();
    writeFileSync(join(dir, 'a.json'), '{}');
    for (const mode of [0o777, 0o775, 0o757]) {
      chmodSync(dir, mode);
      expect(ownedByThisUser(dir, 'a.json')).toBe(false);
    }
    expect(ownFolder(dir)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    expect(ownedByThisUser(dir, 'a.json')).toBe(true);
  });

  it('trusts no link in the folder’s place, wherever it leads', () => {
    const root = base();
    const real = join(root, 'real');
    expect(ownFolder(real)).toBe(true);
    writeFileSync(join(real, 'a.json'), '{}');
    symlinkSync(real, join(root, 'link'));
    expect(ownedByThisUser(join(root, 'link'), 'a.json')).toBe(false);
    expect(ownFolder(join(root, 'link'))).toBe(false);
  });

  it('says no where a file stands in the folder’s place', () => {
    const dir = join(base(), 'cache');
    writeFileSync(dir, 'in the way');
    expect(ownFolder(dir)).toBe(false);
  });

  // Changing owners needs root (as CI runs).
  it.skipIf(process.getuid?.() !== 0)('trusts neither a folder nor a file that another user owns', () => {
    const dir = base();
    writeFileSync(join(dir, 'a.json'), '{}');
    chownSync(join(dir, 'a.json'), 65534, 65534);
    expect(ownedByThisUser(dir, 'a.json')).toBe(false);
    expect(ownedByThisUser(dir)).toBe(true);
    chownSync(dir, 65534, 65534);
    expect(ownedByThisUser(dir)).toBe(false);
    expect(ownFolder(dir)).toBe(false);
  });
});
