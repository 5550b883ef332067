/**
 * Redis commands that must not hang. Apart from the connection so that the modules using it do not load the Redis
 * client: a node without REDIS_URL never loads it.
 */

/** How long a limit, lock or counter command may take before the caller treats Redis as away (SIGSTOP, overload). */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/** Rejects when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms = REDIS_COMMAND_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Redis did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        ok(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        fail(err);
      },
    );
  });
}
