/** Client-generated message ids, so a resend after a reconnect is recognised by the server. */

/** The part of Web Crypto used here; browsers (and Node) have it as the global `crypto`. */
export interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
  randomUUID?(): string;
}

// Typed here because this package is built without the DOM library.
declare const crypto: RandomSource;

/**
 * A version-4 UUID (36 characters, within the protocol's `[\w-]+` clientId pattern):
 * crypto.randomUUID where it exists (secure contexts), else built from getRandomValues, which also
 * works on pages served over plain http.
 */
export function newClientId(random: RandomSource = crypto): string {
  if (random.randomUUID) return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
