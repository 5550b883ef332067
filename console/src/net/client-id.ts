/** Random ids for outgoing replies (crypto.getRandomValues works on plain-http deployments, randomUUID does not). */

/** 32 hex characters (128 bits), matching the protocol's `[\w-]+` clientId pattern. */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
