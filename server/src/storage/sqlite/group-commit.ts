/**
 * Group commit: the writes issued within one event-loop turn share one SQLite transaction. A commit,
 * not a statement, is what costs (WAL frames written, the lock taken and released), so under load many
 * questions pay for one. Each write runs in its own SAVEPOINT, so one that fails is undone alone and
 * the others still commit; every write's promise settles only after the COMMIT, so nothing is
 * acknowledged before it is stored.
 */
import type Database from 'better-sqlite3';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitHooks {
  /** Called after each commit with the number of writes it carried (tests count transactions with it). */
  onCommit?: (writes: number) => void;
}

export class GroupCommit {
  /** The writes of the open transaction, waiting for its commit; undefined when none is open. */
  private waiting: Waiter[] | undefined;
  private readonly begin: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: GroupCommitHooks = {},
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commitStatement = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT kefu_write');
    this.release = db.prepare('RELEASE kefu_write');
    this.rollbackTo = db.prepare('ROLLBACK TO kefu_write');
  }

  /**
   * Runs `operation` (synchronous statements) in the current transaction, opening one when none is
   * open. A busy lock fails BEGIN IMMEDIATE before anything runs, so the caller may retry the whole call.
   */
  write<T>(operation: () => T): Promise<T> {
    let waiting = this.waiting;
    try {
      if (!waiting) {
        // SQLite waits only busy_timeout here; a longer lock rejects with SQLITE_BUSY (busy-retry.ts).
        this.begin.run();
        waiting = this.waiting = [];
        setImmediate(() => this.commit());
      }
      this.savepoint.run();
    } catch (err) {
      return Promise.reject(err);
    }
    let result: T;
    try {
      result = operation();
      this.release.run();
    } catch (err) {
      if (this.db.inTransaction) {
        this.rollbackTo.run();
        this.release.run();
      } else {
        // SQLite rolled the whole transaction back itself (disk full, I/O error): the others are lost too.
        this.fail(err);
      }
      return Promise.reject(err);
    }
    const batch = waiting;
    return new Promise<T>((resolve, reject) => batch.push({ resolve: () => resolve(result), reject }));
  }

  /** Commits the open transaction now (at the end of the turn, or before closing the database). */
  commit(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    try {
      this.commitStatement.run();
    } catch (err) {
      this.waiting = waiting;
      this.fail(err);
      return;
    }
    this.hooks.onCommit?.(waiting.length);
    for (const w of waiting) w.resolve();
  }

  /** Undoes the open transaction and rejects every write in it, so each caller retries or reports. */
  private fail(err: unknown): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    if (this.db.inTransaction) this.rollback.run();
    for (const w of waiting) w.reject(err);
  }
}
