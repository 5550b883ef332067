/**
 * Runs due jobs from storage with a handler per kind. Any number of runners, in any number of
 * processes, may share one database: a runner claims jobs under a lease (job-storage.ts), renews it
 * while a handler works, and only the lease's holder can complete or fail a job. A runner that dies
 * leaves its leases to expire, after which another runner claims those jobs again.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRecord, JobStorage } from '../storage/job-storage.ts';
import { DEFAULT_RETRY_BACKOFF, retryDelayMs, type RetryBackoff } from './retry-backoff.ts';

export interface JobContext {
  /** Aborted when the runner stops or loses the job's lease: stop soon, the job will run again. */
  signal: AbortSignal;
  now(): number;
}

/** Does the job's work; throwing fails the attempt (retried with backoff). Handlers must tolerate running again after a crash. */
export type JobHandler = (job: JobRecord, context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  storage: JobStorage;
  handlers?: Readonly<Record<string, JobHandler>>;
  /** Names this runner in leases; unique per runner. */
  owner?: string;
  /** Pause between looks for due jobs. */
  pollMs?: number;
  /** How long a claim lasts unrenewed; renewed every third of it while the handler works. */
  leaseMs?: number;
  /** Most jobs running at once in this runner. */
  concurrency?: number;
  /** Attempts before a failing job is given up. */
  maxAttempts?: number;
  backoff?: RetryBackoff;
  /** The time jobs are due against and leases run on (epoch ms). */
  clock?: () => number;
  onError?: (message: string, err: unknown) => void;
}

const ERROR_TEXT_MAX = 2000;

const errorText = (err: unknown): string => (err instanceof Error ? err.message || err.name : String(err)).slice(0, ERROR_TEXT_MAX);

export class JobRunner {
  readonly owner: string;
  private readonly storage: JobStorage;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoff: RetryBackoff;
  private readonly clock: () => number;
  private readonly onError: (message: string, err: unknown) => void;
  /** Runs in progress, each with the controller that interrupts it. */
  private readonly running = new Map<Promise<void>, AbortController>();
  private timer: NodeJS.Timeout | undefined;
  /** A claim under way: stopping waits for it, so the jobs it returns are stopped too. */
  private claiming: Promise<unknown> | undefined;
  private started = false;
  private stopped = false;

  constructor(options: JobRunnerOptions) {
    this.storage = options.storage;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 8;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoff = options.backoff ?? DEFAULT_RETRY_BACKOFF;
    this.clock = options.clock ?? Date.now;
    this.onError = options.onError ?? (() => {});
    for (const [kind, handler] of Object.entries(options.handlers ?? {})) this.register(kind, handler);
  }

  /** Handles jobs of `kind` from the next look on; a runner only ever claims kinds it has a handler for. */
  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  /** Looks for due jobs every `pollMs` until stopped. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  /**
   * Claims what is due now (up to the free concurrency) and runs it; resolves once those runs have
   * settled, with how many there were. The polling loop does the same without waiting.
   */
  async runDue(): Promise<number> {
    const runs = await this.claimAndStart();
    await Promise.all(runs);
    return runs.length;
  }

  /**
   * Stops looking for jobs, interrupts the running ones (their signal aborts) and waits for them to
   * settle, at most `waitMs`; a run still going after that keeps its lease until it expires.
   */
  async stop(waitMs = Infinity): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.claiming;
    for (const controller of this.running.values()) controller.abort(new Error('the job runner is stopping'));
    const settled = Promise.all(this.running.keys()).then(() => {});
    if (waitMs === Infinity) return settled;
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise<void>((ok) => (wait = setTimeout(ok, waitMs)))]);
    clearTimeout(wait);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), delayMs);
    // Looking for work does not keep a process alive by itself; a running job does (its lease renewal).
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    let claimed = 0;
    let asked = 0;
    try {
      asked = this.concurrency - this.running.size;
      claimed = (await this.claimAndStart()).length;
    } catch (err) {
      this.onError('looking for due jobs failed', err);
    }
    // A full batch means more may be due: look again at once.
    this.schedule(claimed > 0 && claimed === asked ? 0 : this.pollMs);
  }

  private async claimAndStart(): Promise<Promise<void>[]> {
    const free = this.concurrency - this.running.size;
    if (this.stopped || free <= 0 || this.handlers.size === 0) return [];
    const claim = this.storage.claimDueJobs(this.owner, this.clock(), this.leaseMs, free, [...this.handlers.keys()]);
    this.claiming = claim.catch(() => {});
    const jobs = await claim;
    return jobs.map((job) => {
      const controller = new AbortController();
      const run = this.run(job, controller).finally(() => this.running.delete(run));
      this.running.set(run, controller);
      return run;
    });
  }

  private async run(job: JobRecord, controller: AbortController): Promise<void> {
    const renewal = setInterval(() => void this.renew(job, controller), Math.max(1, Math.floor(this.leaseMs / 3)));
    let failure: { err: unknown } | undefined;
    try {
      await this.handlers.get(job.kind)!(job, { signal: controller.signal, now: this.clock });
    } catch (err) {
      failure = { err };
    } finally {
      clearInterval(renewal);
    }
    if (failure) return this.failed(job, controller, failure.err);
    try {
      if (!(await this.storage.completeJob(job.id, this.owner, this.clock()))) await this.notCompleted(job);
    } catch (err) {
      // Its lease expires and it runs again: handlers tolerate that.
      this.onError(`recording job ${job.key} as done failed`, err);
    }
  }

  /**
   * The run ended but the job was no longer this runner's. Cancelled or rescheduled meanwhile (often by the
   * handlers of jobs due at the same time), the change stands and there is nothing to report; taken by another
   * runner, this run outlived its lease and the job may have run twice.
   */
  private async notCompleted(job: JobRecord): Promise<void> {
    const current = await this.storage.getJob(job.key);
    if (current?.leaseOwner !== undefined && current.leaseOwner !== this.owner) this.onError(`job ${job.key} finished after its lease was lost to ${current.leaseOwner}`, undefined);
  }

  private async failed(job: JobRecord, controller: AbortController, err: unknown): Promise<void> {
    const now = this.clock();
    // Interrupted by stopping: free it for another runner at once, without counting it as a failure of the job.
    const interrupted = this.stopped && controller.signal.aborted;
    const retryAt = interrupted ? now : job.attempts >= this.maxAttempts ? undefined : now + retryDelayMs(job.attempts, this.backoff);
    if (retryAt === undefined) this.onError(`job ${job.key} (${job.kind}) gave up after ${job.attempts} attempts`, err);
    try {
      await this.storage.failJob(job.id, this.owner, interrupted ? `interrupted: ${errorText(err)}` : errorText(err), retryAt, now);
    } catch (storeErr) {
      this.onError(`recording the failure of job ${job.key} failed`, storeErr);
    }
  }

  private async renew(job: JobRecord, controller: AbortController): Promise<void> {
    try {
      const now = this.clock();
      if (!(await this.storage.renewJobLease(job.id, this.owner, now + this.leaseMs, now))) controller.abort(new Error('the job lease was lost'));
    } catch (err) {
      this.onError(`renewing the lease of job ${job.key} failed`, err);
    }
  }
}
