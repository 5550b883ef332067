/** The job runner on real SQLite files: restarts, two runners on one file, a killed runner, retries. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobPayload } from '../storage/job-storage.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../storage/storage.ts';
import { JobRunner, type JobRunnerOptions } from './job-runner.ts';
import { runTwoRunnersOnManyJobs, until } from './two-runners.ts';

const dir = mkdtempSync(join(tmpdir(), 'kefu-jobs-'));
let files = 0;
const T = 1_800_000_000_000;

const storages: Storage[] = [];
const runners: JobRunner[] = [];
function open(file: string): Storage {
  const s = openSqliteStorage(file);
  storages.push(s);
  return s;
}
function runner(options: JobRunnerOptions): JobRunner {
  const r = new JobRunner(options);
  runners.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(1000)));
  await Promise.all(storages.splice(0).map((s) => s.close()));
});
const freshFile = () => join(dir, `jobs-${files++}.sqlite`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('job runner on SQLite', () => {
  it('a job scheduled before a restart runs after it, once it is due', async () => {
    const file = freshFile();
    let t = T;
    const before = open(file);
    const first = runner({ storage: before, clock: () => t, handlers: { remind: async () => expect.fail('ran before it was due') } });
    await before.scheduleJob({ kind: 'remind', key: 'ticket-7:response', runAt: T + 3_600_000, payload: { ticket: 7 }, now: T });
    expect(await first.runDue()).toBe(0);
    await first.stop();
    await before.close();

    const after = open(file);
    const ran: JobPayload[] = [];
    const second = runner({ storage: after, clock: () => t, handlers: { remind: async (job) => void ran.push(job.payload) } });
    t = T + 3_600_000;
    expect(await second.runDue()).toBe(1);
    expect(ran).toEqual([{ ticket: 7 }]);
    expect(await after.getJob('ticket-7:response')).toMatchObject({ doneAt: T + 3_600_000, attempts: 1 });
    expect(await second.runDue()).toBe(0);
  });

  it('stopping interrupts a running job and frees it for the next runner at once', async () => {
    const file = freshFile();
    const s = open(file);
    await s.scheduleJob({ kind: 'slow', key: 'k', runAt: Date.now(), now: Date.now() });
    let started!: () => void;
    const running = new Promise<void>((ok) => (started = ok));
    const first = runner({
      storage: s,
      handlers: {
        slow: (_job, { signal }) =>
          new Promise<void>((_ok, fail) => {
            started();
            signal.addEventListener('abort', () => fail(signal.reason));
          }),
      },
    });
    const run = first.runDue();
    await running;
    await first.stop();
    await run;
    expect(await s.getJob('k')).toMatchObject({ lastError: 'interrupted: the job runner is stopping', attempts: 1 });
    const next = runner({ storage: open(file), handlers: { slow: async () => {} } });
    expect(await next.runDue()).toBe(1);
    expect((await s.getJob('k'))?.doneAt).toBeDefined();
  });

  it('stopping while a claim is under way also stops the jobs that claim returns', async () => {
    const s = open(freshFile());
    await s.scheduleJob({ kind: 'slow', key: 'k', runAt: Date.now(), now: Date.now() });
    let finished = false;
    const r = runner({
      storage: s,
      handlers: {
        slow: (_job, { signal }) =>
          new Promise<void>((_ok, fail) => {
            if (signal.aborted) fail(signal.reason);
            signal.addEventListener('abort', () => fail(signal.reason));
          }).finally(() => (finished = true)),
      },
    });
    const run = r.runDue();
    await r.stop();
    expect(finished).toBe(true);
    await run;
    expect(await s.getJob('k')).toMatchObject({ lastError: 'interrupted: the job runner is stopping' });
  });

  it('two runners on two connections to one file run each of 200 due jobs exactly once', async () => {
    const file = freshFile();
    const { runs, byRunner } = await runTwoRunnersOnManyJobs(open(file), open(file), runner, 200);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((owners) => owners.length === 1)).toBe(true);
    // Both took part: the jobs were really shared, not run by one while the other idled.
    expect(byRunner.every((n) => n > 0)).toBe(true);
  });

  it('renews the lease of a long job, so another runner does not take it meanwhile', async () => {
    const file = freshFile();
    const a = open(file);
    await a.scheduleJob({ kind: 'long', key: 'k', runAt: Date.now(), now: Date.now() });
    let runs = 0;
    // The job outlasts four leases; a lease of 400 ms leaves room for a busy machine's event-loop stalls (150 ms did not).
    const handler = async () => {
      runs++;
      await sleep(1600);
    };
    const first = runner({ storage: a, leaseMs: 400, pollMs: 10, handlers: { long: handler } });
    const second = runner({ storage: open(file), leaseMs: 400, pollMs: 10, handlers: { long: handler } });
    first.start();
    await until(async () => runs === 1, 5000);
    second.start();
    await until(async () => (await a.getJob('k'))?.doneAt !== undefined, 5000);
    expect(runs).toBe(1);
    expect((await a.getJob('k'))?.attempts).toBe(1);
  });

  it('a killed runner process leaves its job leased until the lease expires; then another runner runs it', async () => {
    const file = freshFile();
    const s = open(file);
    const LEASE_MS = 800;
    await s.scheduleJob({ kind: 'hang', key: 'export-42', runAt: Date.now(), now: Date.now() });
    const worker = spawn(fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url)), ['test/support/hanging-job-worker.ts', file, String(LEASE_MS), 'crashing-worker'], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<void>((ok) => worker.once('exit', () => ok()));
    try {
      await until(async () => output.includes('running export-42 1'), 20_000);
      const ran: number[] = [];
      const survivor = runner({ storage: s, leaseMs: LEASE_MS, handlers: { hang: async (job) => void ran.push(job.attempts) } });
      // Alive past its lease: it renews, so the job stays its own.
      await sleep(LEASE_MS * 1.5);
      expect(await survivor.runDue()).toBe(0);
      expect((await s.getJob('export-42'))?.leaseOwner).toBe('crashing-worker');

      process.kill(-worker.pid!, 'SIGKILL');
      await exited;
      const leaseUntil = (await s.getJob('export-42'))!.leaseUntil!;
      await until(async () => (await survivor.runDue()) > 0, 10_000);
      expect(Date.now()).toBeGreaterThanOrEqual(leaseUntil);
      expect(ran).toEqual([2]);
      expect(await s.getJob('export-42')).toMatchObject({ attempts: 2 });
      expect((await s.getJob('export-42'))?.doneAt).toBeDefined();
    } finally {
      if (worker.exitCode === null && worker.signalCode === null) process.kill(-worker.pid!, 'SIGKILL');
    }
  }, 60_000);

  it('a job cancelled or rescheduled while it runs ends quietly; one another runner took over is reported', async () => {
    let t = T;
    const s = open(freshFile());
    const problems: string[] = [];
    const during: Record<string, () => Promise<unknown>> = {
      cancelled: () => s.cancelJob('cancelled'),
      moved: () => s.scheduleJob({ kind: 'work', key: 'moved', runAt: T + 60_000, now: t }),
      // Its lease ran out and another runner claimed it while this run was still going.
      overrun: () => s.claimDueJobs('runner-2', T + 31_000, 30_000, 5, ['work']),
    };
    const r = runner({ storage: s, clock: () => t, leaseMs: 30_000, onError: (message) => problems.push(message), handlers: { work: async (job) => void (await during[job.key]!()) } });
    for (const key of Object.keys(during)) {
      await s.scheduleJob({ kind: 'work', key, runAt: T, now: T });
      expect(await r.runDue()).toBe(1);
    }
    expect(problems).toEqual(['job overrun finished after its lease was lost to runner-2']);
    expect(await s.getJob('cancelled')).toBeUndefined();
    expect(await s.getJob('moved')).toMatchObject({ runAt: T + 60_000, attempts: 0 });
  });

  it('a failing job is retried with a doubling wait, its error recorded, and given up after its last attempt', async () => {
    let t = T;
    const s = open(freshFile());
    const problems: string[] = [];
    let calls = 0;
    const r = runner({
      storage: s,
      clock: () => t,
      backoff: { baseMs: 1000, maxMs: 60_000 },
      maxAttempts: 3,
      onError: (message) => problems.push(message),
      handlers: {
        flaky: async () => {
          calls++;
          if (calls <= 2) throw new Error(`mail server refused (${calls})`);
        },
        broken: async () => {
          throw new Error('no such ticket');
        },
      },
    });
    await s.scheduleJob({ kind: 'flaky', key: 'flaky', runAt: T, now: T });
    expect(await r.runDue()).toBe(1);
    expect(await s.getJob('flaky')).toMatchObject({ attempts: 1, lastError: 'mail server refused (1)', runAt: T + 1000 });
    t = T + 999;
    expect(await r.runDue()).toBe(0);
    t = T + 1000;
    expect(await r.runDue()).toBe(1);
    expect(await s.getJob('flaky')).toMatchObject({ attempts: 2, lastError: 'mail server refused (2)', runAt: T + 3000 });
    t = T + 3000;
    expect(await r.runDue()).toBe(1);
    expect(await s.getJob('flaky')).toMatchObject({ attempts: 3, doneAt: T + 3000, lastError: 'mail server refused (2)' });

    await s.scheduleJob({ kind: 'broken', key: 'broken', runAt: t, now: t });
    for (const wait of [0, 1000, 2000]) {
      t += wait;
      expect(await r.runDue()).toBe(1);
    }
    expect(await s.getJob('broken')).toMatchObject({ attempts: 3, failedAt: t, lastError: 'no such ticket' });
    expect(problems).toEqual(['job broken (broken) gave up after 3 attempts']);
    t += 3_600_000;
    expect(await r.runDue()).toBe(0);
  });
});
