/**
 * Finds the programs the fault harness runs: PostgreSQL's initdb and pg_ctl, redis-server and nginx. Debian keeps the
 * PostgreSQL programs under /usr/lib/postgresql/<version>/bin (not on PATH), so that folder is searched too.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ClusterTools {
  initdb: string;
  pgCtl: string;
  redisServer: string;
  nginx: string;
}

export type ClusterToolsLookup = { found: true; tools: ClusterTools } | { found: false; message: string };

function onPath(name: string, extra: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/bin', '/usr/bin', '/usr/sbin', ...extra];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Debian's versioned PostgreSQL folders, newest first. */
function postgresDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'));
}

/** Where each program is, or a message naming the missing ones and the Debian packages that bring them. */
export function findClusterTools(): ClusterToolsLookup {
  const pgDirs = postgresDirs();
  const found = {
    initdb: onPath('initdb', pgDirs),
    pgCtl: onPath('pg_ctl', pgDirs),
    redisServer: onPath('redis-server'),
    nginx: onPath('nginx'),
  };
  const missing = Object.entries(found)
    .filter(([, path]) => path === undefined)
    .map(([name]) => ({ initdb: 'initdb', pgCtl: 'pg_ctl', redisServer: 'redis-server', nginx: 'nginx' })[name]);
  if (missing.length > 0) {
    return {
      found: false,
      message: `The fault harness needs ${missing.join(', ')} (Debian: apt-get install postgresql redis-server nginx)`,
    };
  }
  return { found: true, tools: found as ClusterTools };
}

/** Under CI=true a missing program fails the run instead of skipping it. */
export function clusterToolsRequired(): boolean {
  return process.env.CI === 'true';
}
