/**
 * Vitest global setup of the browser tests: builds the server bundle once for the run and names it in the environment
 * the test processes inherit, instead of every test file's process building its own (about a second each).
 */
import { SERVER_BUNDLE_ENV, serverBundle } from './start-server.ts';

export default async function setup(): Promise<void> {
  process.env[SERVER_BUNDLE_ENV] = await serverBundle();
}
