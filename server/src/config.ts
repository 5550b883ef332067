/** Server configuration: the parsed environment (see the README's table) with defaults. */
import { fileURLToPath } from 'node:url';
import { DEMO_KB_DIR } from '@kefu/knowledge-base';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

export interface KefuConfig {
  port: number;
  host: string;
  /** SQLite file (kefu.sqlite) and uploads live here. */
  dataDir: string;
  /** Knowledge-base content folder, watched for changes. */
  kbDir: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Origins allowed to embed the default site; undefined = any origin. */
  allowedOrigins?: string[];
  /** Time zone of service hours and ticket numbers. */
  timeZone: string;
  logLevel: LogLevel;
  databaseUrl?: string;
  redisUrl?: string;
  /** Built browser artefacts served as static files. */
  widgetDistDir: string;
  consoleDistDir: string;
}

const repoPath = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

/** Fills every unset field with its default. */
export function resolveConfig(partial: Partial<KefuConfig> = {}): KefuConfig {
  return {
    port: 3000,
    host: '127.0.0.1',
    dataDir: './data',
    kbDir: DEMO_KB_DIR,
    timeZone: 'Asia/Shanghai',
    logLevel: 'info',
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
  return resolveConfig({
    port,
    host: str('HOST'),
    dataDir: str('DATA_DIR'),
    kbDir: str('KB_DIR'),
    adminEmail: str('KEFU_ADMIN_EMAIL')?.toLowerCase(),
    adminPassword: env.KEFU_ADMIN_PASSWORD || undefined,
    allowedOrigins: origins && origins.length > 0 ? origins : undefined,
    timeZone,
    logLevel: level as LogLevel | undefined,
    databaseUrl: str('DATABASE_URL'),
    redisUrl: str('REDIS_URL'),
  });
}
