/**
 * Setup of this package's unit tests: files that run in a DOM (`// @vitest-environment happy-dom`)
 * unmount what they rendered after each test; node-environment files load nothing from here.
 */
import { afterEach, vi } from 'vitest';

// A faked global (fetch, confirm) never outlives the test that faked it.
afterEach(() => {
  vi.unstubAllGlobals();
});

if (typeof document !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/preact');
  // findBy… and waitFor wait up to 10 s, not 1 s: the machine running the tests may be busy (beside two browser tests, a
  // saved ticket change once took over 5 s to show in the console test of the ticket detail).
  configure({ asyncUtilTimeout: 10_000 });
  afterEach(cleanup);
}
