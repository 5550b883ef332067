/**
 * Caches in the temporary folder (parsed word vectors, fitted answer bars, a bundled worker) are read back as trusted:
 * a table steers every answer, a bundle is run as code. Everyone can write to the temporary folder, so a cache is used
 * only in a folder of this process's own user that no one else may write into, and only from files that user wrote.
 */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `dir` is a folder (not a link) of this process's user that no one else may write into, and `files` (names in
 * it) belong to that user too. False when any is missing. Always true where there are no user ids.
 */
export function ownedByThisUser(dir: string, ...files: string[]): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  try {
    // lstat: a link planted in the folder's place would lead elsewhere (in the folder itself only this user makes links).
    const folder = lstatSync(dir);
    return folder.isDirectory() && folder.uid === uid && (folder.mode & 0o022) === 0 && files.every((name) => lstatSync(join(dir, name)).uid === uid);
  } catch {
    return false;
  }
}

/**
 * Makes `dir` (for this user alone) unless it exists, and says whether it may hold a cache. A folder of this user that
 * others may write into (made under a loose umask) is closed first: what they may have put there belongs to them, and
 * `ownedByThisUser` refuses it file by file.
 */
export function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const uid = process.getuid?.();
    const folder = lstatSync(dir);
    if (uid !== undefined && folder.isDirectory() && folder.uid === uid) chmodSync(dir, folder.mode & 0o755);
  } catch {
    return false;
  }
  return ownedByThisUser(dir);
}
