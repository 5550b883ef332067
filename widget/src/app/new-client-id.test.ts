import { describe, expect, it } from 'vitest';
import { LIMITS } from '@kefu/shared';
import { newClientId } from './new-client-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientId', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(newClientId(globalThis.crypto)).toMatch(UUID);
  });

  it('falls back to getRandomValues where randomUUID is missing (pages served over plain http)', () => {
    const withRandomValues = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Pick<Crypto, 'getRandomValues'>;
    const ids = new Set([newClientId(withRandomValues), newClientId(withRandomValues), newClientId(withRandomValues)]);
    expect(ids.size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(id.length).toBeLessThanOrEqual(LIMITS.clientIdChars);
    }
  });
});
