/**
 * Rate limits behind one small interface. The default store is process memory
 * (rate-limiter-flexible's RateLimiterMemory); a shared store (Redis) can implement `LimiterStore`
 * when several processes serve, without touching the callers.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LIMITS } from '@kefu/shared';

/** Every limit Kefu enforces, as hits per window; `KefuConfig.limits` and `KEFU_LIMIT_*` override them. */
export interface LimitSettings {
  /** Visitor messages (send, handoff) per minute on one socket: `hello` without a token cannot reset it. */
  messagesPerConnection: number;
  /** Visitor messages per minute per visitor, across all of their tabs. */
  messagesPerVisitor: number;
  /** Visitor messages per minute from one client IP (an office behind one address shares it). */
  messagesPerIp: number;
  /** `hello` events per minute on one socket. */
  hellosPerConnection: number;
  /** New visitors created per minute from one client IP. */
  visitorsPerIpPerMinute: number;
  /** New visitors created per hour from one client IP. */
  visitorsPerIpPerHour: number;
  /** Open Socket.IO connections from one client IP at a time. */
  connectionsPerIp: number;
  /** Socket.IO handshakes (polling or WebSocket) per minute from one client IP. */
  handshakesPerIpPerMinute: number;
  /** Ticket lookups (我的工单, a number, a tier proposal) per minute per visitor: guessing numbers stays slow. */
  ticketLookupsPerVisitor: number;
  /** Ticket lookups per minute from one client IP (fresh visitors start no fresh budget). */
  ticketLookupsPerIp: number;
  /** Status page (/status) lookups, information added and ratings per minute from one client IP: guessing numbers or emails stays slow. */
  statusLookupsPerIp: number;
  /** Status page requests per minute naming one ticket number, from any address. */
  statusLookupsPerNumber: number;
}

/** The defaults, in one place. */
export const DEFAULT_LIMITS: LimitSettings = {
  messagesPerConnection: 30,
  messagesPerVisitor: LIMITS.visitorMessagesPerMinute,
  messagesPerIp: 300,
  hellosPerConnection: 30,
  visitorsPerIpPerMinute: 20,
  visitorsPerIpPerHour: 200,
  connectionsPerIp: 200,
  handshakesPerIpPerMinute: 300,
  ticketLookupsPerVisitor: 20,
  ticketLookupsPerIp: 60,
  statusLookupsPerIp: 20,
  statusLookupsPerNumber: 10,
};

/** `messagesPerIp` → `KEFU_LIMIT_MESSAGES_PER_IP`. */
export function limitEnvName(name: keyof LimitSettings): string {
  return `KEFU_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Fills the defaults in. */
export function resolveLimits(partial: Partial<LimitSettings> = {}): LimitSettings {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof LimitSettings)[]) {
    const value = partial[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The answer for one hit. */
export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One limited quantity: `points` hits per `seconds`, counted per key. */
export interface KeyedLimiter {
  /** Counts one hit (or `points`) for `key`. */
  consume(key: string, points?: number): Promise<Verdict>;
}

/** Where the windows live; memory by default. */
export interface LimiterStore {
  limiter(name: string, points: number, seconds: number): KeyedLimiter;
}

/** Windows in this process's memory. */
export const memoryStore: LimiterStore = {
  limiter(name, points, seconds) {
    const inner = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
    return {
      async consume(key, hits = 1) {
        try {
          await inner.consume(key, hits);
          return { allowed: true };
        } catch (res) {
          // Rejection with a RateLimiterRes means "over the limit"; anything else is a store failure.
          if (res instanceof RateLimiterRes) return { allowed: false, retryAfterMs: res.msBeforeNext };
          throw res;
        }
      },
    };
  },
};

/** The limiters the visitor side and the engine guard use. */
export interface VisitorLimiters {
  messagesPerConnection: KeyedLimiter;
  messagesPerVisitor: KeyedLimiter;
  messagesPerIp: KeyedLimiter;
  hellosPerConnection: KeyedLimiter;
  visitorsPerIpPerMinute: KeyedLimiter;
  visitorsPerIpPerHour: KeyedLimiter;
  handshakesPerIpPerMinute: KeyedLimiter;
  ticketLookupsPerVisitor: KeyedLimiter;
  ticketLookupsPerIp: KeyedLimiter;
  statusLookupsPerIp: KeyedLimiter;
  statusLookupsPerNumber: KeyedLimiter;
}

export function createVisitorLimiters(limits: LimitSettings, store: LimiterStore = memoryStore): VisitorLimiters {
  const perMinute = (name: keyof LimitSettings): KeyedLimiter => store.limiter(name, limits[name], 60);
  return {
    messagesPerConnection: perMinute('messagesPerConnection'),
    messagesPerVisitor: perMinute('messagesPerVisitor'),
    messagesPerIp: perMinute('messagesPerIp'),
    hellosPerConnection: perMinute('hellosPerConnection'),
    visitorsPerIpPerMinute: perMinute('visitorsPerIpPerMinute'),
    visitorsPerIpPerHour: store.limiter('visitorsPerIpPerHour', limits.visitorsPerIpPerHour, 3600),
    handshakesPerIpPerMinute: perMinute('handshakesPerIpPerMinute'),
    ticketLookupsPerVisitor: perMinute('ticketLookupsPerVisitor'),
    ticketLookupsPerIp: perMinute('ticketLookupsPerIp'),
    statusLookupsPerIp: perMinute('statusLookupsPerIp'),
    statusLookupsPerNumber: perMinute('statusLookupsPerNumber'),
  };
}

/**
 * Counts one hit against each `[limiter, key]` pair; allowed only when every one allows.
 * Every limiter counts the hit even when an earlier one refused, so a client hammering one
 * limit cannot keep the others fresh.
 */
export async function consumeAll(checks: readonly (readonly [KeyedLimiter, string])[]): Promise<Verdict> {
  const verdicts = await Promise.all(checks.map(([limiter, key]) => limiter.consume(key)));
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(...refused.map((v) => (v.allowed ? 0 : v.retryAfterMs))) };
}

/** Fixed-window limiter with a synchronous API, kept for the sign-in route (which counts failures only). */
export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit for the current window. */
  take(key: string): boolean;
  /** True when the key has used up its window, without counting a hit. */
  exhausted(key: string): boolean;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    take(key) {
      const t = now();
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      const w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.set(key, { count: 1, resetAt: t + windowMs });
        return true;
      }
      w.count += 1;
      return w.count <= limit;
    },
    exhausted(key) {
      const w = windows.get(key);
      return w !== undefined && w.resetAt > now() && w.count >= limit;
    },
  };
}
