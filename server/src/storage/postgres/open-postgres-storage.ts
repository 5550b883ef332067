/** Opens the PostgreSQL storage: a connection pool, the migrations, and the retry wrapper. */
import pg from 'pg';
import { KefuError } from '../../kefu-error.ts';
import { databaseLocation } from './database-location.ts';
import type { Storage } from '../storage.ts';
import { runPgMigrations } from './pg-migrations.ts';
import { PostgresStorage } from './postgres-storage.ts';
import { DEFAULT_PG_RETRY, retryPg, withPgRetry, type PgRetryOptions } from './with-pg-retry.ts';

export interface PostgresStorageOptions {
  /** Connections per process (default 10); PostgreSQL's max_connections is shared by every node. */
  maxConnections?: number;
  /** How long a statement waits for a row lock before failing as retryable (default 2 s). */
  lockTimeoutMs?: number;
  /** How long one call keeps retrying before it answers `unavailable`. */
  retry?: PgRetryOptions;
  /** Told about errors on idle connections (the server restarted, the network dropped); the pool replaces them. */
  onIdleError?: (err: Error) => void;
}

/**
 * `url` is a libpq connection string (postgres://user:pass@host:5432/db); its `options` parameter
 * may set the schema, e.g. `?options=-c%20search_path%3Dkefu`. Rejects with `unavailable` when the
 * database cannot be reached within the retry budget.
 */
export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    lock_timeout: options.lockTimeoutMs ?? 2000,
    // During an outage a call fails soon as retryable instead of waiting for the operating system's timeout.
    connectionTimeoutMillis: 3000,
    application_name: 'kefu',
  });
  // Without a listener an idle connection's error (a database restart) would end the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  const retry = options.retry ?? DEFAULT_PG_RETRY;
  try {
    await retryPg(() => runPgMigrations(pool), retry);
  } catch (err) {
    await pool.end();
    // Starting is where a wrong host or a stopped server shows: say which one, never the password.
    if (err instanceof KefuError && err.code === 'unavailable') throw new KefuError('unavailable', `PostgreSQL at ${databaseLocation(url)} could not be reached`);
    throw err;
  }
  return withPgRetry(new PostgresStorage(pool), retry);
}
