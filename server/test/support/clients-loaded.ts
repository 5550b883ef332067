/**
 * Run as its own process by database-clients.test.ts: starts a server on SQLite and prints whether the process has
 * loaded PostgreSQL's or Redis's client, then whether it sees `pg` once it is imported (so the check itself can fail).
 */
import { createRequire } from 'node:module';
import { createKefuServer } from '../../src/create-kefu-server.ts';
import { FIXTURE_KB, tempDir } from './test-server.ts';

const has = (pkg: string): boolean => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes(`/node_modules/${pkg}/`));
const server = await createKefuServer({ port: 0, dataDir: tempDir(), kbDir: FIXTURE_KB, logLevel: 'silent' });
const started = { pg: has('pg'), redis: has('@redis/client') };
await server.close();
await import('pg');
console.log(JSON.stringify({ started, pgOnceImported: has('pg') }));
process.exit(0);
