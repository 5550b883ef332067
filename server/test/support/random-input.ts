/** Seeded random request input for the fuzz tests: odd JSON values, odd objects and odd path segments, the same every run. */

/** mulberry32: a small seeded generator; the same seed gives the same inputs, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Path segments: ordinary ids, ids of the wrong kind, and a percent-encoding the router cannot decode. */
export const ODD_SEGMENTS = ['1', '0', '-1', 'abc', 'T-1', 'default', 'null', '1e400', '99999999999999999999', '%00', '..%2F..', '%E5%B7%A5%E5%8D%95', '%E0%A4%A', 'x'.repeat(300)];

/** Field names the API's bodies use (and two that would pollute prototypes if copied naively). */
const KEYS = [
  'key', 'name', 'text', 'title', 'email', 'password', 'currentPassword', 'newPassword', 'role', 'status', 'priority', 'tier', 'category',
  'departmentKey', 'agentId', 'assigneeId', 'score', 'comment', 'allowedOrigins', 'themeColor', 'welcomeText', 'nameZh', 'nameEn', 'zh', 'en',
  'timezone', 'days', 'holidays', 'weekly', 'question', 'presence', 'from', 'to', 'q', 'number', 'token', 'reason', 'body', 'lang', 'site',
  'visitorId', 'note', 'shortcut', 'files', 'open', 'close', 'displayName', 'conversationId', 'clientId', 'seq', 'afterSeq', 'beforeSeq',
  'typing', 'ticket', 'contact', 'phone', '__proto__', 'constructor',
];

export interface RandomInput {
  /** Any JSON value, nested up to three levels. */
  value(depth?: number): unknown;
  /** An object of a few API field names with odd values (`__proto__` as a real own key). */
  object(depth?: number): Record<string, unknown>;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function randomInput(seed: number): RandomInput {
  const next = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const value = (depth = 0): unknown => {
    switch (Math.floor(next() * 15)) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return Math.floor(next() * 2e6) - 1e6;
      case 3: return -0.5;
      case 4: return '';
      case 5: return 'x'.repeat(Math.floor(next() * 20_000));
      case 6: return '\u0000\ud800工单<script>alert(1)</script>';
      case 7: return depth < 3 ? Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1)) : [];
      case 8: return depth < 3 ? object(depth + 1) : {};
      case 9: return '2026-13-45T99:99';
      case 10: return '#zzzzzz';
      case 11: return 'https://x.example';
      case 12: return 1e21;
      case 13: return decodeURIComponent(pick(ODD_SEGMENTS.slice(0, 12)));
      default: return '客服热线是多少';
    }
  };
  const object = (depth = 0): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i--) {
      Object.defineProperty(out, pick(KEYS), { value: value(depth), enumerable: true, configurable: true, writable: true });
    }
    return out;
  };
  return { value, object, pick, chance: (p) => next() < p };
}
