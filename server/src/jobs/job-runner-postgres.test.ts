/** The job runner on PostgreSQL (TEST_DATABASE_URL): two pools on one schema, as two nodes would be. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../storage/postgres/open-postgres-storage.ts';
import { createTestSchema, type TestSchema } from '../storage/postgres/postgres-test-schema.ts';
import type { Storage } from '../storage/storage.ts';
import { JobRunner, type JobRunnerOptions } from './job-runner.ts';
import { runTwoRunnersOnManyJobs, until } from './two-runners.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('job runner on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  const schemas: TestSchema[] = [];
  const storages: Storage[] = [];
  const runners: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop(1000)));
    await Promise.all(storages.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()));
  });
  /** Two storages, each with its own pool, on a fresh schema. */
  async function twoNodes(): Promise<[Storage, Storage]> {
    const schema = await createTestSchema(url!);
    schemas.push(schema);
    const a = await openPostgresStorage(schema.url, { maxConnections: 4 });
    storages.push(a);
    const b = await openPostgresStorage(schema.url, { maxConnections: 4 });
    storages.push(b);
    return [a, b];
  }
  const runner = (options: JobRunnerOptions) => {
    const r = new JobRunner(options);
    runners.push(r);
    return r;
  };

  it('two runners on two pools run each of 200 due jobs exactly once', async () => {
    const [a, b] = await twoNodes();
    const { runs, byRunner } = await runTwoRunnersOnManyJobs(a, b, runner, 200);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((owners) => owners.length === 1)).toBe(true);
    expect(byRunner.every((n) => n > 0)).toBe(true);
  });

  it('takes over a job whose runner stopped renewing its lease, once the lease has expired', async () => {
    const [a, b] = await twoNodes();
    const now = Date.now();
    await a.scheduleJob({ kind: 'export', key: 'export-1', runAt: now, now });
    // A runner that claimed it and then died: nothing renews the lease.
    const [claimed] = await a.claimDueJobs('dead-node', now, 500, 1);
    const ran: number[] = [];
    const survivor = runner({ storage: b, handlers: { export: async (job) => void ran.push(job.attempts) } });
    expect(await survivor.runDue()).toBe(0);
    await until(async () => (await survivor.runDue()) > 0, 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(claimed!.leaseUntil!);
    expect(ran).toEqual([2]);
    expect(await a.completeJob(claimed!.id, 'dead-node', Date.now())).toBe(false);
    expect((await a.getJob('export-1'))?.doneAt).toBeDefined();
  });
});
