/**
 * A ticket context for unit tests: real storage (a SQLite file, or the PostgreSQL storage given), a
 * clock the test moves, a job runner on that clock, and the /agent pushes recorded per room instead of sent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KefuContext } from '../context.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { openPostgresStorage } from '../storage/postgres/open-postgres-storage.ts';
import { createTestSchema, type TestSchema } from '../storage/postgres/postgres-test-schema.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../storage/storage.ts';

export interface Push {
  rooms: string[];
  event: string;
  payload: any;
}

export interface TicketTestContext {
  ctx: KefuContext;
  storage: Storage;
  pushes: Push[];
  clock: { now: number };
  /** What the job runners reported (a lost lease, a failed handler). */
  runnerErrors: string[];
  newRunner(): JobRunner;
}

export function ticketTestContext(start: number, storage: Storage = openSqliteStorage(join(mkdtempSync(join(tmpdir(), 'kefu-tickets-')), 'kefu.sqlite'))): TicketTestContext {
  const clock = { now: start };
  const pushes: Push[] = [];
  const agents = {
    to(rooms: string | string[]) {
      const list = Array.isArray(rooms) ? rooms : [rooms];
      return { emit: (event: string, payload: unknown) => pushes.push({ rooms: list, event, payload }) };
    },
  };
  const log = { info() {}, warn() {}, error() {}, debug() {} };
  const ctx = { storage, config: { timeZone: 'Asia/Shanghai' }, now: () => clock.now, agents, log } as unknown as KefuContext;
  const runnerErrors: string[] = [];
  const newRunner = () => new JobRunner({ storage, clock: () => clock.now, pollMs: 60_000, onError: (message) => runnerErrors.push(message) });
  (ctx as { jobs: JobRunner }).jobs = newRunner();
  return { ctx, storage, pushes, clock, runnerErrors, newRunner };
}

/**
 * The same on `database`: a fresh SQLite file, or a fresh schema of TEST_DATABASE_URL's PostgreSQL, which is added to
 * `schemas` for the caller to drop.
 */
export async function ticketTestContextOn(database: 'sqlite' | 'postgres', start: number, schemas: TestSchema[]): Promise<TicketTestContext> {
  if (database === 'sqlite') return ticketTestContext(start);
  const schema = await createTestSchema(process.env.TEST_DATABASE_URL!);
  schemas.push(schema);
  return ticketTestContext(start, await openPostgresStorage(schema.url, { maxConnections: 4 }));
}
