/** Locates the system Chromium the browser tests drive (Debian's package, or CHROMIUM_PATH). */
import { existsSync } from 'node:fs';

/** What to tell a developer whose machine has no Chromium. */
export const CHROMIUM_MISSING = 'Chromium not found: install it with `apt-get install chromium`';

/** Where Chromium was found, or why the browser tests cannot run. */
export type ChromiumLookup = { found: true; path: string } | { found: false; message: string };

/** Uses CHROMIUM_PATH when set (and only it: a named browser is not silently swapped), else the usual Debian locations. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const path = candidates.find((p) => existsSync(p));
  if (path) return { found: true, path };
  const tried = candidates.join(', ');
  return { found: false, message: `${CHROMIUM_MISSING} (looked at ${tried}; or set CHROMIUM_PATH)` };
}

/** True when a missing browser must fail the run instead of skipping it (CI=true). */
export function chromiumRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
