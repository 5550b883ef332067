/** Recognises the database's "locked by someone else" errors, which are worth retrying and never a bug. */

/** True for SQLite's SQLITE_BUSY / SQLITE_LOCKED (and their extended codes): another connection holds the lock. */
export function isStorageBusy(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
