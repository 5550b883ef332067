/**
 * Jobs in PostgreSQL. A claim is one UPDATE over the due rows picked FOR UPDATE SKIP LOCKED: runners
 * on other connections skip the rows one is leasing instead of waiting for them, and a row leased
 * meanwhile no longer matches the lease condition when it is re-checked.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { JobPayload, JobRecord, NewJob } from '../job-storage.ts';
import { toNumber } from './pg-rows.ts';

type BigIntText = string;

interface PgJobRow {
  id: string;
  kind: string;
  key: string;
  run_at: BigIntText;
  payload: JobPayload;
  attempts: number;
  lease_owner: string | null;
  lease_until: BigIntText | null;
  last_error: string | null;
  done_at: BigIntText | null;
  failed_at: BigIntText | null;
  created_at: BigIntText;
  updated_at: BigIntText;
}

const opt = (v: BigIntText | null): number | undefined => (v === null ? undefined : toNumber(v));

const toJob = (r: PgJobRow): JobRecord => {
  const leaseUntil = opt(r.lease_until);
  const doneAt = opt(r.done_at);
  const failedAt = opt(r.failed_at);
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    runAt: toNumber(r.run_at),
    payload: r.payload,
    attempts: r.attempts,
    ...(r.lease_owner === null ? {} : { leaseOwner: r.lease_owner }),
    ...(leaseUntil === undefined ? {} : { leaseUntil }),
    ...(r.last_error === null ? {} : { lastError: r.last_error }),
    ...(doneAt === undefined ? {} : { doneAt }),
    ...(failedAt === undefined ? {} : { failedAt }),
    createdAt: toNumber(r.created_at),
    updatedAt: toNumber(r.updated_at),
  };
};

const byRunAt = (a: JobRecord, b: JobRecord) => a.runAt - b.runAt || (a.id < b.id ? -1 : 1);

export async function scheduleJob(pool: pg.Pool, job: NewJob): Promise<JobRecord> {
  const { rows } = await pool.query<PgJobRow>(
    `INSERT INTO jobs (id, kind, key, run_at, payload, attempts, created_at, updated_at) VALUES ($1, $2, $3, $4, $5::jsonb, 0, $6, $6)
     ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, run_at = excluded.run_at, payload = excluded.payload, attempts = 0,
       lease_owner = NULL, lease_until = NULL, last_error = NULL, done_at = NULL, failed_at = NULL, updated_at = excluded.updated_at
     WHERE NOT (jobs.kind = excluded.kind AND jobs.run_at = excluded.run_at AND jobs.payload = excluded.payload AND jobs.done_at IS NULL AND jobs.failed_at IS NULL)
     RETURNING *`,
    [randomUUID(), job.kind, job.key, job.runAt, JSON.stringify(job.payload ?? {}), job.now],
  );
  // No row back: the same job is already pending or running, and stays as it is.
  return rows[0] ? toJob(rows[0]) : (await getJob(pool, job.key))!;
}

export async function claimDueJobs(pool: pg.Pool, owner: string, now: number, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<JobRecord[]> {
  const { rows } = await pool.query<PgJobRow>(
    `UPDATE jobs SET lease_owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
     WHERE id IN (
       SELECT id FROM jobs
       WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
         AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
       ORDER BY run_at, id LIMIT $5
       FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [owner, now + leaseMs, now, kinds ? [...kinds] : null, limit],
  );
  return rows.map(toJob).sort(byRunAt);
}

export async function renewJobLease(pool: pg.Pool, id: string, owner: string, until: number, now: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE jobs SET lease_until = $1, updated_at = $2 WHERE id = $3 AND lease_owner = $4 AND done_at IS NULL AND failed_at IS NULL',
    [until, now, id, owner],
  );
  return rowCount === 1;
}

export async function completeJob(pool: pg.Pool, id: string, owner: string, now: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE jobs SET done_at = $1, lease_owner = NULL, lease_until = NULL, updated_at = $1 WHERE id = $2 AND lease_owner = $3 AND done_at IS NULL AND failed_at IS NULL',
    [now, id, owner],
  );
  return rowCount === 1;
}

export async function failJob(pool: pg.Pool, id: string, owner: string, error: string, retryAt: number | undefined, now: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE jobs SET last_error = $1, run_at = COALESCE($2::bigint, run_at), failed_at = CASE WHEN $2::bigint IS NULL THEN $3::bigint END,
       lease_owner = NULL, lease_until = NULL, updated_at = $3
     WHERE id = $4 AND lease_owner = $5 AND done_at IS NULL AND failed_at IS NULL`,
    [error, retryAt ?? null, now, id, owner],
  );
  return rowCount === 1;
}

export async function cancelJob(pool: pg.Pool, key: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM jobs WHERE key = $1', [key]);
  return rowCount === 1;
}

export async function getJob(pool: pg.Pool, key: string): Promise<JobRecord | undefined> {
  const { rows } = await pool.query<PgJobRow>('SELECT * FROM jobs WHERE key = $1', [key]);
  return rows[0] && toJob(rows[0]);
}
