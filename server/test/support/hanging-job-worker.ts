/**
 * A job runner in its own process, for the crash test: `tsx hanging-job-worker.ts <sqlite file> <lease ms> <owner>`.
 * Its `hang` handler prints "running <key> <attempt>" and never finishes, so the process holds the
 * job's lease (renewing it) until it is killed.
 */
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.ts';

const [file, leaseMs, owner] = process.argv.slice(2);
const storage = openSqliteStorage(file!);
const runner = new JobRunner({
  storage,
  owner: owner!,
  pollMs: 20,
  leaseMs: Number(leaseMs),
  handlers: {
    hang: (job) => {
      process.stdout.write(`running ${job.key} ${job.attempts}\n`);
      return new Promise<void>(() => {});
    },
  },
  onError: (message, err) => process.stderr.write(`${message} ${String(err)}\n`),
});
runner.start();
// The runner's polling does not hold the process open; the test kills it.
setInterval(() => {}, 60_000);
