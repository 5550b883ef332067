/** Web-first waits whose failure says, in the user's words, what was missing from the screen. */
import type { Locator } from 'playwright-core';

/** Waits until `locator` is visible; otherwise fails with `missing` and what the user saw instead. */
export async function expectVisible(locator: Locator, missing: string, options: { timeout?: number; context?: Locator } = {}): Promise<void> {
  const timeout = options.timeout ?? 15_000;
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    const seen = options.context ? await visibleText(options.context) : '';
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${missing}${seen ? `\n  What was on screen instead: ${seen}` : ''}\n  (${detail})`);
  }
}

/** The visible text of an element, squeezed to one line, for failure messages ('' when absent). */
export async function visibleText(locator: Locator, limit = 600): Promise<string> {
  try {
    const text = await locator.first().innerText({ timeout: 1_000 });
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > limit ? `${line.slice(0, limit)}…` : line;
  } catch {
    return '';
  }
}
