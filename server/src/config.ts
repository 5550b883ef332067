/** Server configuration: the parsed environment (see the README's table) with defaults. */
import type { ServiceHours } from '@kefu/shared';
import { ALWAYS_OPEN, parseServiceHours } from './hours/service-hours-store.ts';
import { fileURLToPath } from 'node:url';
import { DEMO_KB_DIR } from '@kefu/knowledge-base';
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { parseTrustProxy, type TrustProxySetting } from './security/client-ip.ts';
import { DEFAULT_LIMITS, limitEnvName, type LimitSettings } from './security/rate-limiter.ts';

export interface KefuConfig {
  port: number;
  host: string;
  /** SQLite file (kefu.sqlite) and uploads live here. */
  dataDir: string;
  /** Knowledge-base content folder, watched for changes. */
  kbDir: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Service hours stored at start, replacing what an admin stored (tests and embedders; operators use PUT /api/service-hours). */
  serviceHours?: unknown;
  /** Origins allowed to embed the default site; undefined = keep the stored list (a new site: same-origin and loopback only). */
  allowedOrigins?: string[];
  /** Which proxies may report the client's address in X-Forwarded-For (Express `trust proxy` semantics). */
  trustProxy: TrustProxySetting;
  /** Rate and connection limits; unset fields take `DEFAULT_LIMITS`. */
  limits?: Partial<LimitSettings>;
  /** HMAC / HS256 secret for the default site's `identify`; undefined = keep the stored one. */
  identitySecret?: string;
  /** Refuse the default site's visitors whose identity is not signed; undefined = keep the stored flag. */
  identityRequired?: boolean;
  /** Bearer token that opens GET /metrics; undefined = loopback connections only. */
  metricsToken?: string;
  /** Agent sessions end after this long without use (default 12 h)… */
  sessionIdleMs?: number;
  /** …and this long after sign-in at most (default 7 days). */
  sessionLifetimeMs?: number;
  /** Time zone of service hours and ticket numbers. */
  timeZone: string;
  /** A visitor expected or found to wait in the queue longer than this is offered to leave a message (KEFU_LONG_WAIT_MINUTES). */
  longWaitMinutes: number;
  /** How often each node looks for visitors who have waited that long (tests shorten it). */
  longWaitSweepMs: number;
  logLevel: LogLevel;
  /** postgres:// connection string: PostgreSQL instead of the SQLite file under `dataDir`. */
  databaseUrl?: string;
  /** redis:// URL: several nodes share Socket.IO rooms, limits, bot-turn ordering and counters through Redis. */
  redisUrl?: string;
  /** Start of every Redis key this deployment writes (KEFU_REDIS_PREFIX, default `kefu:`). */
  redisPrefix?: string;
  /** KEFU_STICKY=true: the load balancer keeps a client on one node, so HTTP long-polling works across nodes. */
  sticky?: boolean;
  /** KEFU_TRANSPORTS: the Socket.IO transports served; `['websocket']` runs several nodes without affinity. */
  transports?: ('polling' | 'websocket')[];
  /** Built browser artefacts served as static files. */
  widgetDistDir: string;
  consoleDistDir: string;
}

/**
 * The database clients decode the user name and password of their URL: a stray `%` or `@` in a password would end the
 * start with a bare "URI malformed". Say which variable and what to do, never the URL itself (it holds the password).
 */
function mustParseAsUrl(name: string, url: string): void {
  try {
    const parsed = new URL(url);
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
  } catch {
    throw new Error(`${name} is not a valid URL: percent-encode special characters in the user name and password (%25 for %, %40 for @, %2F for /)`);
  }
}

/** Why a node with REDIS_URL and no DATABASE_URL does not start, and what to set. */
export const REDIS_WITHOUT_DATABASE =
  'REDIS_URL runs several nodes, and several nodes cannot share the SQLite file under DATA_DIR (each node would keep its own conversations). ' +
  'Set DATABASE_URL=postgres://user:password@host:5432/database on every node, or unset REDIS_URL to run one node on SQLite.';

/** KEFU_LONG_WAIT_MINUTES when unset. */
export const DEFAULT_LONG_WAIT_MINUTES = 5;

const repoPath = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

/** Fills every unset field with its default. */
export function resolveConfig(partial: Partial<KefuConfig> = {}): KefuConfig {
  return {
    port: 3000,
    host: '127.0.0.1',
    dataDir: './data',
    kbDir: DEMO_KB_DIR,
    timeZone: 'Asia/Shanghai',
    longWaitMinutes: DEFAULT_LONG_WAIT_MINUTES,
    longWaitSweepMs: 20_000,
    logLevel: 'info',
    trustProxy: 'loopback',
    widgetDistDir: repoPath('widget/dist'),
    consoleDistDir: repoPath('console/dist'),
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
}

/** Reads the environment; throws a readable message on a bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): KefuConfig {
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const portText = str('PORT');
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`PORT must be a port number, got "${portText}"`);
  const level = str('LOG_LEVEL');
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  const timeZone = str('TZ')?.replace(/^:/, '');
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new Error(`TZ must be an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
    }
  }
  const origins = str('ALLOWED_ORIGINS')
    ?.split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const limits: Partial<LimitSettings> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof LimitSettings)[]) {
    const text = str(limitEnvName(key));
    if (text === undefined) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${limitEnvName(key)} must be a positive whole number, got "${text}"`);
    limits[key] = n;
  }
  const identitySecret = str('KEFU_IDENTITY_SECRET');
  if (identitySecret !== undefined && identitySecret.length < 16) throw new Error('KEFU_IDENTITY_SECRET must be at least 16 characters long');
  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL connection string (postgres://user:password@host:5432/database)');
  }
  if (databaseUrl !== undefined) mustParseAsUrl('DATABASE_URL', databaseUrl);
  const serviceHours = parseServiceHoursEnv(str('KEFU_SERVICE_HOURS'));
  const trustText = str('TRUST_PROXY');
  const requiredText = str('KEFU_IDENTITY_REQUIRED')?.toLowerCase();
  if (requiredText !== undefined && requiredText !== 'true' && requiredText !== 'false') {
    throw new Error(`KEFU_IDENTITY_REQUIRED must be true or false, got "${requiredText}"`);
  }
  const redisUrl = str('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a Redis URL (redis://host:6379 or rediss://…)');
  if (redisUrl !== undefined) mustParseAsUrl('REDIS_URL', redisUrl);
  // Several nodes cannot share one SQLite file: each would write its own, and visitors would lose their conversations.
  if (redisUrl !== undefined && databaseUrl === undefined) throw new Error(REDIS_WITHOUT_DATABASE);
  const stickyText = str('KEFU_STICKY')?.toLowerCase();
  if (stickyText !== undefined && stickyText !== 'true' && stickyText !== 'false') throw new Error(`KEFU_STICKY must be true or false, got "${stickyText}"`);
  const transports = str('KEFU_TRANSPORTS')
    ?.split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const t of transports ?? []) {
    if (t !== 'websocket' && t !== 'polling') throw new Error(`KEFU_TRANSPORTS lists websocket and/or polling, got "${t}"`);
  }
  const longWaitText = str('KEFU_LONG_WAIT_MINUTES');
  const longWaitMinutes = longWaitText === undefined ? undefined : Number(longWaitText);
  if (longWaitMinutes !== undefined && !(Number.isFinite(longWaitMinutes) && longWaitMinutes > 0 && longWaitMinutes <= 24 * 60)) {
    throw new Error(`KEFU_LONG_WAIT_MINUTES must be a number of minutes above 0 and at most 1440, got "${longWaitText}"`);
  }
  return resolveConfig({
    longWaitMinutes,
    redisPrefix: str('KEFU_REDIS_PREFIX'),
    sticky: stickyText === undefined ? undefined : stickyText === 'true',
    transports: transports && transports.length > 0 ? (transports as ('polling' | 'websocket')[]) : undefined,
    trustProxy: trustText === undefined ? undefined : parseTrustProxy(trustText),
    limits: Object.keys(limits).length > 0 ? limits : undefined,
    identitySecret,
    serviceHours,
    identityRequired: requiredText === undefined ? undefined : requiredText === 'true',
    port,
    host: str('HOST'),
    dataDir: str('DATA_DIR'),
    kbDir: str('KB_DIR'),
    adminEmail: str('KEFU_ADMIN_EMAIL')?.toLowerCase(),
    adminPassword: env.KEFU_ADMIN_PASSWORD || undefined,
    allowedOrigins: origins && origins.length > 0 ? origins : undefined,
    timeZone,
    logLevel: level as LogLevel | undefined,
    databaseUrl,
    redisUrl,
    metricsToken: str('METRICS_TOKEN'),
  });
}

/** KEFU_SERVICE_HOURS: `24/7`, or the JSON of PUT /api/service-hours; stored at start, replacing what is stored. */
function parseServiceHoursEnv(text: string | undefined): ServiceHours | undefined {
  if (text === undefined) return undefined;
  if (text === '24/7') return ALWAYS_OPEN;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('KEFU_SERVICE_HOURS must be 24/7 or the JSON of PUT /api/service-hours');
  }
  try {
    return parseServiceHours(json);
  } catch (err) {
    throw new Error(`KEFU_SERVICE_HOURS: ${err instanceof Error ? err.message : String(err)}`);
  }
}
