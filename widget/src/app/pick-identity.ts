/** Cleans the argument of `Kefu('identify', …)`, which comes from arbitrary host-page code. */
import type { Identity } from './chat-client.ts';

/** Keeps only the known string fields of an identify call; `signature` and `jwt` come from the host site's backend and pass through untouched. */
export function pickIdentity(input: object): Identity {
  const source = input as Record<string, unknown>;
  const identity: Identity = {};
  for (const key of ['name', 'email', 'userId', 'signature', 'jwt'] as const) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') identity[key] = String(value);
  }
  return identity;
}
