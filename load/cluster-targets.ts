/**
 * The PostgreSQL + Redis targets, started with the fault harness's pieces (e2e/src/cluster): its own PostgreSQL
 * (initdb + pg_ctl in a temporary folder) and redis-server on free ports, Kefu nodes running the load run's server
 * bundle, and for several nodes nginx with the shipped deploy/nginx/kefu.conf in front. Each target gets fresh
 * ones, so no rows or rate-limit windows carry over from the previous target, and every process is the target's
 * own, so its CPU time can be attributed (the machine's shared PostgreSQL and Redis serve other work too).
 */
import { findClusterTools, type ClusterTools } from '../e2e/src/cluster/find-cluster-tools.ts';
import { kefuNode, type KefuNode } from '../e2e/src/cluster/start-kefu-node.ts';
import { startNginx, type HarnessNginx } from '../e2e/src/cluster/start-nginx.ts';
import { startPostgres, type HarnessPostgres } from '../e2e/src/cluster/start-postgres.ts';
import { startRedis, type HarnessRedis } from '../e2e/src/cluster/start-redis.ts';
import { freePort } from '../e2e/src/free-port.ts';
import type { CpuGroup } from './load-config.ts';
import type { RunningServer } from './spawn-server.ts';

export { findClusterTools, type ClusterTools };

export interface ClusterTargetOptions {
  /** The server bundle's main.mjs (the one the SQLite target runs). */
  bundle: string;
  nodes: number;
  /** Visitor connections the generator will open: nginx holds two connections for each (client and node). */
  visitors: number;
  /** Records the first node's CPU profile into this folder (written when it exits). */
  profileDir?: string;
}

/**
 * `nodes` Kefu nodes on one PostgreSQL and one Redis; with more than one, nginx in front (the URL is nginx's).
 * The nodes keep the default rate limits, like the SQLite target. KEFU_STICKY=true declares the affinity
 * nginx gives (`hash $remote_addr consistent`); the generator speaks WebSocket only, so it needs none itself.
 */
export async function startKefuOnPostgres(tools: ClusterTools, options: ClusterTargetOptions): Promise<RunningServer> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep cleaning up the rest.
      }
    }
  };
  try {
    const postgres: HarnessPostgres = await startPostgres(tools);
    cleanups.push(postgres.destroy);
    const redis: HarnessRedis = await startRedis(tools.redisServer);
    cleanups.push(redis.destroy);
    const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, KEFU_STICKY: 'true' };
    const nodes: KefuNode[] = [];
    for (let i = 0; i < options.nodes; i++) {
      const nodeFlags = i === 0 && options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
      const node = kefuNode({ name: `node-${String.fromCharCode(97 + i)}`, port: await freePort(), env, bundle: options.bundle, nodeFlags });
      nodes.push(node);
      cleanups.push(node.destroy);
    }
    // The first node runs the migrations alone; the others then start side by side.
    await nodes[0]?.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
    let nginx: HarnessNginx | undefined;
    if (nodes.length > 1) {
      nginx = await startNginx(tools.nginx, nodes.map((n) => n.port), { workerConnections: 2 * options.visitors + 1024 });
      cleanups.push(nginx.destroy);
    }
    const pidOf = (name: string, pid: number | undefined): number => {
      if (pid === undefined) throw new Error(`${name} is not running`);
      return pid;
    };
    const cpuGroups: CpuGroup[] = [
      ...nodes.map((n) => ({ name: n.name, pids: [pidOf(n.name, n.pid())] })),
      { name: 'postgres', pids: [pidOf('postgres', postgres.pid())] },
      { name: 'redis', pids: [pidOf('redis', redis.pid())] },
      ...(nginx ? [{ name: 'nginx', pids: [nginx.pid] }] : []),
    ];
    return { url: nginx?.url ?? (nodes[0] as KefuNode).url, cpuGroups, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
