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

/** Creates `kefu_test_<random>`; `drop()` removes it with everything in it. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  await run(baseUrl, `CREATE SCHEMA ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => run(baseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}
