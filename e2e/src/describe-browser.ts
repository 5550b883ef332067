/** A describe() that runs only where Chromium exists: skipped with advice locally, a failure under CI=true. */
import { describe, it } from 'vitest';
import { chromiumRequired, findChromium } from './find-chromium.ts';

/** Declares browser tests; `body` receives the Chromium executable path. */
export function describeBrowser(name: string, body: (chromiumPath: string) => void): void {
  const lookup = findChromium();
  if (!lookup.found) {
    console.warn(`${lookup.message} — skipping the browser tests "${name}".`);
    if (chromiumRequired()) {
      it(`${name}: Chromium is installed (required with CI=true)`, () => {
        throw new Error(lookup.message);
      });
    }
  }
  describe.skipIf(!lookup.found)(name, () => body(lookup.found ? lookup.path : ''));
}
