/** For tests: two runners, each on its own storage connection, working through many due jobs at once. */
import type { Storage } from '../storage/storage.ts';
import type { JobRunner, JobRunnerOptions } from './job-runner.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check` holds; fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * Schedules `count` due jobs through `a`, starts a runner on `a` and one on `b`, and waits until
 * every job is done. `runs` maps each job's key to the runners that ran it, in order.
 */
export async function runTwoRunnersOnManyJobs(
  a: Storage,
  b: Storage,
  makeRunner: (options: JobRunnerOptions) => JobRunner,
  count: number,
): Promise<{ runs: Map<string, string[]>; byRunner: number[] }> {
  const now = Date.now();
  await Promise.all(Array.from({ length: count }, (_, i) => a.scheduleJob({ kind: 'tick', key: `job-${i}`, runAt: now - count + i, payload: { i }, now })));
  const runs = new Map<string, string[]>();
  const byRunner = [0, 0];
  const runners = [a, b].map((storage, n) =>
    makeRunner({
      storage,
      owner: `runner-${n}`,
      pollMs: 5,
      concurrency: 8,
      handlers: {
        tick: async (job) => {
          runs.set(job.key, [...(runs.get(job.key) ?? []), `runner-${n}`]);
          byRunner[n]!++;
          // A little work, so the two runners' claims interleave.
          await sleep(2);
        },
      },
    }),
  );
  for (const r of runners) r.start();
  await until(async () => runs.size >= count);
  await Promise.all(runners.map((r) => r.stop()));
  // Every job is recorded done, and nothing ran twice while the last ones were being completed.
  const jobs = await Promise.all(Array.from({ length: count }, (_, i) => a.getJob(`job-${i}`)));
  if (jobs.some((j) => j?.doneAt === undefined)) throw new Error('a job ran but is not recorded done');
  return { runs, byRunner };
}
