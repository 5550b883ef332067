/**
 * Durable jobs as storage rows: scheduled by key (scheduling the same key again replaces the job),
 * claimed by a runner under a lease so that several processes never run one job at the same time,
 * and kept after they are done or given up. The runner is in ../jobs/.
 */

/** A job's payload: anything JSON can carry. */
export type JobPayload = null | boolean | number | string | JobPayload[] | { [key: string]: JobPayload };

export interface JobRecord {
  id: string;
  /** Picks the handler. */
  kind: string;
  /** Unique: scheduling this key again replaces the job. */
  key: string;
  /** Due from this instant (epoch ms). */
  runAt: number;
  payload: JobPayload;
  /** Claims so far (a claim counts as an attempt even when its runner dies). */
  attempts: number;
  leaseOwner?: string;
  leaseUntil?: number;
  /** The last failure's message; kept after a later success. */
  lastError?: string;
  doneAt?: number;
  /** Given up after its last attempt failed. */
  failedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewJob {
  kind: string;
  key: string;
  runAt: number;
  payload?: JobPayload;
  now: number;
}

export interface JobStorage {
  /**
   * Inserts the job, or replaces the one with the same key: new kind, time and payload, attempts,
   * error, done and failed cleared, lease dropped (a run in progress can then neither complete nor
   * fail it, and the job runs again at its new time). A job still pending or running with the same kind,
   * time and payload is left as it is, lease included: nothing about it changed, so a run in progress
   * stays valid (timers that come due together re-sync each other's jobs while they run).
   */
  scheduleJob(job: NewJob): Promise<JobRecord>;
  /**
   * Leases up to `limit` due jobs to `owner` until `now + leaseMs`, earliest `runAt` first, counting
   * an attempt on each: jobs not done or given up, due by `now`, whose lease is absent or expired, of
   * the given kinds (any kind when absent). Atomic across processes: one owner per job at a time.
   */
  claimDueJobs(owner: string, now: number, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<JobRecord[]>;
  /** Extends the lease to `until` while `owner` still holds it; false when it was lost (expired and taken, rescheduled, cancelled). */
  renewJobLease(id: string, owner: string, until: number, now: number): Promise<boolean>;
  /** Marks the job done if `owner` still holds it; false otherwise (nothing changes). */
  completeJob(id: string, owner: string, now: number): Promise<boolean>;
  /** Records the error and releases the job to run again at `retryAt`, or gives it up when `retryAt` is undefined; only by the lease's owner. */
  failJob(id: string, owner: string, error: string, retryAt: number | undefined, now: number): Promise<boolean>;
  /** Deletes the job with this key, whatever its state; false when there was none. */
  cancelJob(key: string): Promise<boolean>;
  getJob(key: string): Promise<JobRecord | undefined>;
}
