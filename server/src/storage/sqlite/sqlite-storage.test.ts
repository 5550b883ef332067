/** Runs the storage contract against SQLite files in a temporary folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStorageContract } from '../storage.contract.ts';
import { openSqliteStorage } from './sqlite-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'kefu-sqlite-'));
let n = 0;
runStorageContract('sqlite', async () => openSqliteStorage(join(dir, `db-${n++}.sqlite`)));
