/**
 * The fault harness: its own PostgreSQL and redis-server, N Kefu nodes on them and nginx in front, all on 127.0.0.1.
 * Everything it started is ended by `destroy()`, also when starting fails half-way.
 */
import { freePort } from '../free-port.ts';
import type { ClusterTools } from './find-cluster-tools.ts';
import { kefuNode, type KefuNode } from './start-kefu-node.ts';
import { startNginx, type HarnessNginx } from './start-nginx.ts';
import { startPostgres, type HarnessPostgres } from './start-postgres.ts';
import { startRedis, type HarnessRedis } from './start-redis.ts';

export interface ClusterOptions {
  nodes?: number;
  /** Give the nodes REDIS_URL (beside the DATABASE_URL every node has: a node refuses Redis on SQLite). */
  useRedis?: boolean;
  /** Extra environment for every node (limits, KEFU_STICKY, KEFU_TRANSPORTS, a shared KB_DIR, …). */
  env?: Record<string, string>;
}

export interface Cluster {
  postgres: HarnessPostgres;
  redis: HarnessRedis;
  nodes: KefuNode[];
  nginx: HarnessNginx;
  /** Every piece's recent output, for a failure message. */
  logs: () => string;
  destroy: () => Promise<void>;
}

/**
 * Every client of a test comes from 127.0.0.1, so the per-address limits would count all of them as one visitor's
 * address; they are raised here, and the rate-limit test sets its own.
 */
export const CLUSTER_TEST_LIMITS: Record<string, string> = {
  KEFU_LIMIT_MESSAGES_PER_IP: '100000',
  KEFU_LIMIT_VISITORS_PER_IP_PER_MINUTE: '100000',
  KEFU_LIMIT_VISITORS_PER_IP_PER_HOUR: '100000',
  KEFU_LIMIT_CONNECTIONS_PER_IP: '100000',
  KEFU_LIMIT_HANDSHAKES_PER_IP_PER_MINUTE: '100000',
  // The rolling restart sends faster than a person types.
  KEFU_LIMIT_MESSAGES_PER_CONNECTION: '100000',
  KEFU_LIMIT_MESSAGES_PER_VISITOR: '100000',
  KEFU_LIMIT_HELLOS_PER_CONNECTION: '100000',
};

export async function startCluster(tools: ClusterTools, options: ClusterOptions = {}): Promise<Cluster> {
  const cleanups: (() => Promise<void> | void)[] = [];
  let postgres: HarnessPostgres | undefined;
  let redis: HarnessRedis | undefined;
  const nodes: KefuNode[] = [];
  let nginx: HarnessNginx | undefined;
  const destroy = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep cleaning up the rest.
      }
    }
    cleanups.length = 0;
  };
  const logs = (): string =>
    [
      ...nodes.map((n) => `--- ${n.name} (${n.port}) ---\n${n.output().slice(-4_000)}`),
      `--- nginx ---\n${nginx?.output().slice(-2_000) ?? ''}`,
      `--- postgres ---\n${postgres?.log().slice(-2_000) ?? ''}`,
    ].join('\n');
  try {
    postgres = await startPostgres(tools);
    cleanups.push(postgres.destroy);
    redis = await startRedis(tools.redisServer);
    cleanups.push(redis.destroy);
    const env = {
      ...CLUSTER_TEST_LIMITS,
      DATABASE_URL: postgres.url,
      ...(options.useRedis ? { REDIS_URL: redis.url } : {}),
      ...options.env,
    };
    const count = options.nodes ?? 3;
    for (let i = 0; i < count; i++) {
      const node = kefuNode({ name: `node-${String.fromCharCode(97 + i)}`, port: await freePort(), env });
      nodes.push(node);
      cleanups.push(node.destroy);
    }
    // The first node runs the migrations alone; the others then start side by side.
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
    nginx = await startNginx(tools.nginx, nodes.map((n) => n.port));
    cleanups.push(nginx.destroy);
  } catch (error) {
    const detail = logs();
    await destroy();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${detail}`);
  }
  return { postgres, redis, nodes, nginx, logs, destroy };
}
