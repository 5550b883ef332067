/**
 * Jobs in SQLite. A claim is one UPDATE … RETURNING guarded by the lease: SQLite runs one writer at
 * a time across every connection to the file, so two runners can never lease the same row.
 */
import { randomUUID } from 'node:crypto';
import type { JobPayload, JobRecord, NewJob } from '../job-storage.ts';
import type { SqliteQueries } from './sqlite-team.ts';

interface JobRow {
  id: string;
  kind: string;
  key: string;
  run_at: number;
  payload: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  done_at: number | null;
  failed_at: number | null;
  created_at: number;
  updated_at: number;
}

const toJob = (r: JobRow): JobRecord => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  runAt: r.run_at,
  payload: JSON.parse(r.payload) as JobPayload,
  attempts: r.attempts,
  ...(r.lease_owner === null ? {} : { leaseOwner: r.lease_owner }),
  ...(r.lease_until === null ? {} : { leaseUntil: r.lease_until }),
  ...(r.last_error === null ? {} : { lastError: r.last_error }),
  ...(r.done_at === null ? {} : { doneAt: r.done_at }),
  ...(r.failed_at === null ? {} : { failedAt: r.failed_at }),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const byRunAt = (a: JobRecord, b: JobRecord) => a.runAt - b.runAt || (a.id < b.id ? -1 : 1);

export function scheduleJob(q: SqliteQueries, job: NewJob): Promise<JobRecord> {
  return q.write(() => {
    const changed = q
      .stmt(
        `INSERT INTO jobs (id, kind, key, run_at, payload, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, run_at = excluded.run_at, payload = excluded.payload, attempts = 0,
           lease_owner = NULL, lease_until = NULL, last_error = NULL, done_at = NULL, failed_at = NULL, updated_at = excluded.updated_at
         WHERE NOT (jobs.kind = excluded.kind AND jobs.run_at = excluded.run_at AND jobs.payload = excluded.payload AND jobs.done_at IS NULL AND jobs.failed_at IS NULL)
         RETURNING *`,
      )
      .get(randomUUID(), job.kind, job.key, job.runAt, JSON.stringify(job.payload ?? {}), job.now, job.now) as JobRow | undefined;
    // No row back: the same job is already pending or running, and stays as it is.
    return toJob(changed ?? q.get<JobRow>('SELECT * FROM jobs WHERE key = ?', job.key)!);
  });
}

export function claimDueJobs(q: SqliteQueries, owner: string, now: number, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<JobRecord[]> {
  return q.write(() => {
    const rows = q
      .stmt(
        `UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id IN (
           SELECT id FROM jobs
           WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
             AND (? IS NULL OR kind IN (SELECT value FROM json_each(?)))
           ORDER BY run_at, id LIMIT ?)
         RETURNING *`,
      )
      .all(owner, now + leaseMs, now, now, now, kinds ? 1 : null, JSON.stringify(kinds ?? []), limit) as JobRow[];
    return rows.map(toJob).sort(byRunAt);
  });
}

export function renewJobLease(q: SqliteQueries, id: string, owner: string, until: number, now: number): Promise<boolean> {
  return q.write(
    () => q.stmt('UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND done_at IS NULL AND failed_at IS NULL').run(until, now, id, owner).changes === 1,
  );
}

export function completeJob(q: SqliteQueries, id: string, owner: string, now: number): Promise<boolean> {
  return q.write(
    () =>
      q
        .stmt('UPDATE jobs SET done_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND done_at IS NULL AND failed_at IS NULL')
        .run(now, now, id, owner).changes === 1,
  );
}

export function failJob(q: SqliteQueries, id: string, owner: string, error: string, retryAt: number | undefined, now: number): Promise<boolean> {
  return q.write(
    () =>
      q
        .stmt(
          `UPDATE jobs SET last_error = ?, run_at = COALESCE(?, run_at), failed_at = CASE WHEN ? IS NULL THEN ? END,
             lease_owner = NULL, lease_until = NULL, updated_at = ?
           WHERE id = ? AND lease_owner = ? AND done_at IS NULL AND failed_at IS NULL`,
        )
        .run(error, retryAt ?? null, retryAt ?? null, now, now, id, owner).changes === 1,
  );
}

export function cancelJob(q: SqliteQueries, key: string): Promise<boolean> {
  return q.write(() => q.stmt('DELETE FROM jobs WHERE key = ?').run(key).changes === 1);
}

export async function getJob(q: SqliteQueries, key: string): Promise<JobRecord | undefined> {
  const row = q.get<JobRow>('SELECT * FROM jobs WHERE key = ?', key);
  return row && toJob(row);
}
