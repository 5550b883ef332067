/** A small leveled logger on top of the console; `silent` keeps tests quiet. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

/** Writes `time level message` lines; extras (errors, objects) follow on the same call. */
export function createLogger(level: LogLevel): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const write = (lvl: Exclude<LogLevel, 'silent'>, message: string, extra?: unknown): void => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const line = `${new Date().toISOString()} ${lvl.padEnd(5)} ${message}`;
    const out = lvl === 'error' || lvl === 'warn' ? console.error : console.log;
    if (extra === undefined) out(line);
    else out(line, extra);
  };
  return {
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
