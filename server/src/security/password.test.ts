/** scrypt hashes: salted, self-describing, and only the right password matches. */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('密码 secret'), hashPassword('密码 secret')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('密码 secret', a)).toBe(true);
    expect(await verifyPassword('密码 Secret', a)).toBe(false);
    expect(await verifyPassword('密码 secret', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AA$AA')).toBe(false);
  });
});
