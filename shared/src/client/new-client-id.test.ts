/// <reference types="node" />
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { newClientId } from './new-client-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The protocol's clientId pattern (shared/src/schemas.ts). */
const CLIENT_ID = /^[\w-]+$/;

describe('newClientId', () => {
  it('uses the global crypto by default, as both clients call it', () => {
    const ids = new Set([newClientId(), newClientId()]);
    expect(ids.size).toBe(2);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('uses crypto.randomUUID where it exists', () => {
    expect(newClientId(webcrypto)).toMatch(UUID);
  });

  it('falls back to getRandomValues where randomUUID is missing (pages served over plain http)', () => {
    const withRandomValues = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) };
    const ids = new Set([newClientId(withRandomValues), newClientId(withRandomValues), newClientId(withRandomValues)]);
    expect(ids.size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(id).toMatch(CLIENT_ID);
      expect(id.length).toBeLessThanOrEqual(LIMITS.clientIdChars);
    }
  });
});
