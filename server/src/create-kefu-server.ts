/** Builds and starts one Kefu server: storage, knowledge base, Express and Socket.IO on one port. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@kefu/shared';
import { resolveConfig, type KefuConfig } from './config.ts';
import type { AgentNamespace, KefuContext, VisitorNamespace } from './context.ts';
import { createLogger, type Logger } from './logger.ts';
import { ensureAdmin, type AdminSource } from './auth/ensure-admin.ts';
import { createKeyedSerial } from './conversation/keyed-serial.ts';
import { startLongWaitSweep } from './conversation/long-wait.ts';
import { createApp } from './http/create-app.ts';
import { writeServiceHours } from './hours/service-hours-store.ts';
import { startKbHolder } from './kb/kb-holder.ts';
import { servedBarStore } from './kb/served-bar-store.ts';
import { createMetrics } from './metrics/metrics.ts';
import { createVisitorLimiters, resolveLimits } from './security/rate-limiter.ts';
import { compileTrust } from './security/client-ip.ts';
import { createEngineGuard } from './socket/allow-request.ts';
import { createVisitorTokens } from './security/visitor-token.ts';
import { setupAgentNamespace } from './socket/agent-namespace.ts';
import { DEFAULT_SESSION_POLICY, startAgentSessions } from './auth/agent-sessions.ts';
import { createLoginLimits } from './security/login-limits.ts';
import { setupVisitorNamespace } from './socket/visitor-namespace.ts';
import { resumePendingTurns } from './bot/resume-pending-turns.ts';
import { resolveTransports } from './cluster/cluster-transports.ts';
import { trackInflight } from './cluster/inflight-serial.ts';
import { localClaim, redisClaim } from './cluster/redis-claims.ts';
import type { RedisConnection } from './cluster/redis-connection.ts';
import { redisCounters } from './cluster/redis-counters.ts';
import { createRedisKeyedSerial } from './cluster/redis-keyed-serial.ts';
import { redisLimiterStore, redisLoginLimiters } from './cluster/redis-limiters.ts';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { registerTicketJobs } from './tickets/ticket-sla-jobs.ts';
import { registerStagedFileExpiry } from './tickets/staged-file-expiry.ts';
import { ticketFiles } from './tickets/ticket-files.ts';
import { startMissingClocks } from './tickets/start-missing-clocks.ts';
import { ensureDemoDepartments } from './storage/demo-departments.ts';
import { ensureDemoCannedReplies } from './storage/demo-canned-replies.ts';
import type { SiteRecord, Storage } from './storage/storage.ts';

export interface KefuServer {
  /** http://host:port */
  url: string;
  port: number;
  /** Where the admin's credentials come from (a generated password appears here once). */
  admin: AdminSource;
  /** The default site's allowed origins at start; empty = same-origin and loopback only (the banner says which). */
  defaultSiteOrigins: string[];
  close(): Promise<void>;
}

/** Replaceable parts; the server owns (and closes) what it is given. */
export interface KefuServerParts {
  /** Defaults to PostgreSQL at DATABASE_URL when set, else SQLite at DATA_DIR/kefu.sqlite. */
  storage?: Storage;
  /** The clock (tests move it to expire sessions); defaults to Date.now. */
  now?: () => number;
}

/** How long a stopping node waits for bot turns already under way (SIGTERM). */
export const SHUTDOWN_DRAIN_MS = 5000;

/**
 * PostgreSQL when DATABASE_URL is set, else the SQLite file under DATA_DIR. PostgreSQL's client (like Redis's below)
 * is loaded only by the nodes that use it: about a tenth of a second of every start, and its memory, otherwise.
 */
async function openStorage(config: KefuConfig, log: Logger): Promise<Storage> {
  if (!config.databaseUrl) return openSqliteStorage(join(resolve(config.dataDir), 'kefu.sqlite'));
  const { openPostgresStorage } = await import('./storage/postgres/open-postgres-storage.ts');
  // The pool replaces a broken idle connection by itself; the log says why queries may fail meanwhile.
  return openPostgresStorage(config.databaseUrl, { onIdleError: (err) => log.warn('PostgreSQL connection lost', err) });
}

/** Starts a server; `port: 0` picks a free port (tests). Missing fields take their defaults. */
export async function createKefuServer(partial: Partial<KefuConfig> = {}, parts: KefuServerParts = {}): Promise<KefuServer> {
  const config = resolveConfig(partial);
  const log = createLogger(config.logLevel);
  // Before anything is opened: a node of several must say how polling reaches the same node.
  const transports = resolveTransports(config);
  let redis: RedisConnection | undefined;
  const storage = parts.storage ?? (await openStorage(config, log));
  try {
    if (config.redisUrl) redis = await (await import('./cluster/redis-connection.ts')).openRedis(config.redisUrl, config.redisPrefix ?? 'kefu:', log);
    const clock = parts.now ?? Date.now;
    const now = clock();
    const sessionPolicy = {
      idleMs: config.sessionIdleMs ?? DEFAULT_SESSION_POLICY.idleMs,
      lifetimeMs: config.sessionLifetimeMs ?? DEFAULT_SESSION_POLICY.lifetimeMs,
    };
    const defaultSite = await prepareDefaultSite(storage, config, now);
    await ensureDemoDepartments(storage, now);
    await ensureDemoCannedReplies(storage, now);
    const admin = await ensureAdmin(storage, config, now);
    if (config.serviceHours !== undefined) await writeServiceHours(storage, config.serviceHours);
    await storage.deleteExpiredSessions(now, now - sessionPolicy.idleMs);
    const sessions = await startAgentSessions(storage, sessionPolicy, clock);
    const tokens = await createVisitorTokens(storage);
    // Loads in a worker thread: the server listens (and /healthz answers) while the knowledge base is indexed.
    const kb = startKbHolder(config.kbDir, log, servedBarStore(storage));

    const http = createServer();
    const limits = resolveLimits(config.limits);
    const visitorLimiters = createVisitorLimiters(limits, redis ? redisLimiterStore(redis) : undefined);
    const trust = compileTrust(config.trustProxy);
    const guard = createEngineGuard({ trust, connectionsPerIp: limits.connectionsPerIp, handshakes: visitorLimiters.handshakesPerIpPerMinute, log });
    const io = new Server(http, {
      allowRequest: guard.allowRequest,
      // The widget talks from customers' sites; polling requests need CORS (WebSocket checks happen in the namespace).
      cors: { origin: config.allowedOrigins ?? true, credentials: false },
      maxHttpBufferSize: 64 * 1024,
      serveClient: false,
      transports,
    });
    // Rooms, socketsJoin and disconnectSockets reach every node's sockets.
    if (redis) (await import('./cluster/socket-adapter.ts')).attachRedisAdapter(io, redis);
    const serial = trackInflight(redis ? createRedisKeyedSerial(redis, log) : createKeyedSerial());
    const ctx: KefuContext = {
      config,
      log,
      storage,
      tokens,
      kb,
      metrics: createMetrics(redis ? redisCounters(redis, 'bot_decisions', log) : undefined),
      limits: {
        visitor: visitorLimiters,
        login: redis ? createLoginLimits(undefined, redisLoginLimiters(redis)) : createLoginLimits(),
      },
      trust,
      serial,
      visitors: io.of(VISITOR_NAMESPACE) as VisitorNamespace,
      agents: io.of(AGENT_NAMESPACE) as AgentNamespace,
      sessions,
      jobs: new JobRunner({ storage, clock, onError: (message, err) => log.warn(message, err) }),
      now: clock,
    };
    guard.attach(io);
    setupVisitorNamespace(ctx);
    const agentSide = setupAgentNamespace(ctx);
    // Before listening, so the bot turns a killed process left behind are queued ahead of any new
    // message; they wait for the knowledge base's first load.
    await resumePendingTurns(ctx, kb.ready(), redis ? redisClaim(redis) : localClaim);
    // Socket.IO answers its own long-polling requests; Express must not answer them as well (with a 404).
    const app = createApp(ctx);
    http.on('request', (req, res) => {
      if (!req.url?.startsWith('/socket.io/')) app(req, res);
    });

    await new Promise<void>((ok, fail) => {
      http.once('error', fail);
      http.listen(config.port, config.host, () => {
        http.off('error', fail);
        ok();
      });
    });
    const { port } = http.address() as AddressInfo;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    log.info(`listening on ${url}`);
    // HTTP already answers (/healthz reports the load); callers such as the banner and tests get a bot that can answer.
    await kb.ready();

    const stopLongWaitSweep = startLongWaitSweep(ctx);
    // Expired sessions are refused anyway; this only keeps the table small.
    const sweep = setInterval(() => {
      storage.deleteExpiredSessions(clock(), clock() - sessionPolicy.idleMs).catch((err: unknown) => log.warn('session clean-up failed', err));
    }, 60 * 60 * 1000);
    sweep.unref();
    // Claims only the kinds a handler is registered for: the tickets' SLA timers and the clean-up of files never sent.
    registerTicketJobs(ctx);
    registerStagedFileExpiry(ctx, ticketFiles(ctx).tickets);
    ctx.jobs.start();
    // Tickets from before the SLA clocks get theirs; serving does not wait for it.
    startMissingClocks(ctx)
      .then((n) => n > 0 && log.info(`started the SLA clocks of ${n} older tickets`))
      .catch((err: unknown) => log.warn('starting the SLA clocks of older tickets failed', err));

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      admin,
      defaultSiteOrigins: defaultSite.allowedOrigins,
      close() {
        closing ??= (async () => {
          clearInterval(sweep);
          // Stop claiming now; jobs under way get the drain time, then their leases pass to other nodes.
          const jobsStopped = ctx.jobs.stop(SHUTDOWN_DRAIN_MS);
          stopLongWaitSweep();
          // Stop accepting: new connections go to the other nodes (the load balancer sees a closed port).
          http.close();
          // Bot turns under way post their replies while their visitors are still connected here.
          if (!(await serial.drain(SHUTDOWN_DRAIN_MS))) log.warn(`stopping with bot turns still running after ${SHUTDOWN_DRAIN_MS} ms`);
          agentSide.close();
          kb.close();
          // Closes this node's transports only (with the Redis adapter, io.disconnectSockets would reach
          // every node). Clients see "transport close", not a server-side disconnect, so Socket.IO's own
          // reconnection (randomizationFactor 0.5 by default: jittered backoff) takes them to another node.
          await new Promise<void>((ok) => io.close(() => ok()));
          http.closeAllConnections();
          await jobsStopped;
          await redis?.close();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await redis?.close();
    await storage.close();
    throw err;
  }
}

/**
 * The default site `demo` exists from the first start. ALLOWED_ORIGINS, KEFU_IDENTITY_SECRET and
 * KEFU_IDENTITY_REQUIRED overwrite its stored settings when set; unset, what an admin stored stays.
 */
async function prepareDefaultSite(storage: Storage, config: KefuConfig, now: number): Promise<SiteRecord> {
  await storage.ensureSite({ key: 'demo', name: 'Demo', allowedOrigins: [] }, now);
  return (await storage.updateSite('demo', {
    allowedOrigins: config.allowedOrigins,
    identitySecret: config.identitySecret,
    identityRequired: config.identityRequired,
  }))!;
}
