import { describe, expect, it } from 'vitest';
import { pickIdentity } from './pick-identity.ts';

describe('pickIdentity', () => {
  it('keeps the known fields as strings and drops everything else', () => {
    expect(pickIdentity({ name: '张三', email: 'z@example.com', userId: 42, signature: 'abc', admin: true, extra: {} })).toEqual({
      name: '张三',
      email: 'z@example.com',
      userId: '42',
      signature: 'abc',
    });
    expect(pickIdentity({ name: { toString: () => 'x' } })).toEqual({});
  });

  it('passes a signed JWT through for the server to verify', () => {
    expect(pickIdentity({ jwt: 'a.b.c', name: 'Li' })).toEqual({ jwt: 'a.b.c', name: 'Li' });
  });
});
