/**
 * Sorts PostgreSQL failures into those a caller may simply retry and those that are bugs. A
 * retryable failure that outlasts the retries becomes the same `unavailable` error SQLite's busy
 * lock gives, so handlers answer a retryable code instead of `internal`.
 */

/** SQLSTATEs after which the statement was rolled back and running it again is safe. */
const ROLLED_BACK = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
]);

/** Failures to obtain a connection: nothing was sent, so running again is safe. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', '57P03', '53300']);

/** The connection broke while a statement was in flight: it may or may not have committed. */
const CONNECTION_LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02']);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : '');

/** True when the same call may run again at once: it certainly changed nothing. */
export function isPgRetryable(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== undefined && (ROLLED_BACK.has(code) || NOT_CONNECTED_CODES.has(code))) return true;
  // node-postgres reports these without a code: a pool that could not connect in time, and a
  // pooled connection already known to be broken (the statement was never sent).
  const message = messageOf(err);
  return message.startsWith('timeout exceeded when trying to connect') || message === 'Client has encountered a connection error and is not queryable';
}

/**
 * True when the database could not be reached or went away: retryable for the client (messages
 * carry a client id, so a resend after an unknown outcome is stored once), though not retried here.
 */
export function isPgUnavailable(err: unknown): boolean {
  if (isPgRetryable(err)) return true;
  const code = codeOf(err);
  if (code !== undefined && (CONNECTION_LOST_CODES.has(code) || code.startsWith('08'))) return true;
  return messageOf(err).startsWith('Connection terminated');
}
