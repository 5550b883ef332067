/** For tests: a freshly created PostgreSQL schema with a random name, and the connection string that uses it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestSchema {
  name: string;
  /** `baseUrl` with `options=-c search_path=<name>`: every pooled connection starts in the schema. */
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on its own short-lived connection. */
async function run(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Dropping a schema locks every table, index and sequence in it at once; dozens of drops in parallel
 * exhaust PostgreSQL's shared lock table ("out of shared memory", 53200). Drops in this process run one
 * at a time, and one that still meets a full lock table (other test processes) waits and tries again.
 */
let drops: Promise<unknown> = Promise.resolve();
function dropSchema(baseUrl: string, name: string): Promise<void> {
  const attempt = async (left: number): Promise<void> => {
    try {
      await run(baseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`);
    } catch (err) {
      if ((err as { code?: string }).code !== '53200' || left === 0) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
      await attempt(left - 1);
    }
  };
  const done = drops.then(() => attempt(10));
  drops = done.catch(() => undefined);
  return done;
}

/** Creates `kefu_test_<random>`; `drop()` removes it with everything in it. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  await run(baseUrl, `CREATE SCHEMA ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => dropSchema(baseUrl, name) };
}
