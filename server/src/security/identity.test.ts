/** Identity verification: HMAC of the user id or an HS256 JWT with expiry; wrong, expired, or foreign-algorithm proofs are refused. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KefuError } from '../kefu-error.ts';
import { checkIdentity, identitySignature } from './identity.ts';

const secret = 'site-secret-0123456789';
const now = Date.UTC(2026, 0, 1);
const optional = { identitySecret: secret, identityRequired: false };
const required = { identitySecret: secret, identityRequired: true };

/** An HS256 (or other `alg`) JWT signed with `key`, the way a host site's backend makes one. */
function makeJwt(claims: object, key = secret, alg = 'HS256'): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg, typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof KefuError ? err.code : 'thrown';
  }
};

describe('identity verification', () => {
  it('verifies an HMAC signature of the user id', () => {
    const signature = identitySignature('42', secret);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(checkIdentity({ userId: '42', name: '张三', signature }, required, now)).toEqual({ userId: '42', name: '张三', verified: true });
    expect(checkIdentity({ userId: '42', signature: signature.toUpperCase() }, required, now).verified).toBe(true);
  });

  it('refuses a wrong signature even where signing is optional, and an unsigned identity where it is required', () => {
    expect(code(() => checkIdentity({ userId: '43', signature: identitySignature('42', secret) }, optional, now))).toBe('unauthorized');
    expect(code(() => checkIdentity({ userId: '42', signature: identitySignature('42', 'another-secret-xxxx') }, optional, now))).toBe('unauthorized');
    expect(code(() => checkIdentity({ userId: '42' }, required, now))).toBe('unauthorized');
    expect(code(() => checkIdentity(undefined, required, now))).toBe('unauthorized');
    expect(checkIdentity({ userId: '42', name: 'Support Team (verified)' }, optional, now)).toEqual({ userId: '42', name: 'Support Team (verified)', verified: false });
    expect(code(() => checkIdentity({ userId: '42', signature: 'ab' }, { identityRequired: false }, now))).toBe('unauthorized');
  });

  it('verifies an HS256 JWT with its subject, name and email, and checks expiry', () => {
    const exp = now / 1000 + 600;
    const jwt = makeJwt({ sub: 'u-7', name: 'Li Lei', email: 'li@example.com', exp });
    expect(checkIdentity({ jwt }, required, now)).toEqual({ userId: 'u-7', name: 'Li Lei', email: 'li@example.com', verified: true });
    expect(code(() => checkIdentity({ jwt }, required, now + 601_000))).toBe('unauthorized');
    expect(code(() => checkIdentity({ jwt: makeJwt({ sub: 'u-7' }) }, required, now))).toBe('unauthorized');
    expect(code(() => checkIdentity({ jwt: makeJwt({ sub: 'u-7', exp }, 'wrong-secret-abcdefgh') }, required, now))).toBe('unauthorized');
    expect(code(() => checkIdentity({ jwt, userId: 'someone-else' }, required, now))).toBe('unauthorized');
  });

  it('refuses any algorithm but HS256, including none', () => {
    const exp = now / 1000 + 600;
    expect(code(() => checkIdentity({ jwt: makeJwt({ sub: 'u', exp }, secret, 'HS512') }, required, now))).toBe('unauthorized');
    const none = makeJwt({ sub: 'u', exp }, secret, 'none').replace(/[^.]+$/, '');
    expect(code(() => checkIdentity({ jwt: none }, required, now))).toBe('unauthorized');
    expect(code(() => checkIdentity({ jwt: 'a.b.c' }, required, now))).toBe('unauthorized');
  });
});
