/** Saves a screenshot of each actor's page into e2e/test-results/ when a step fails. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './repo-root.ts';

/** Folder for failure artefacts (gitignored). */
export const RESULTS_DIR = join(REPO_ROOT, 'e2e', 'test-results');

/** Where the screens a test photographs on purpose (zh-CN and en, desktop and phone) go: `KEFU_SCREENSHOTS` or test-results/screens. */
export const SCREENS_DIR = process.env.KEFU_SCREENSHOTS || join(RESULTS_DIR, 'screens');

/** Writes `<label>-<actor>.png` for every open page; returns the files written. */
export async function saveScreenshots(label: string, pages: Record<string, Page | undefined>): Promise<string[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const slug = label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);
  const written: string[] = [];
  for (const [actor, page] of Object.entries(pages)) {
    if (!page || page.isClosed()) continue;
    const file = join(RESULTS_DIR, `${slug}-${actor}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      written.push(file);
    } catch {
      // A crashed page cannot be photographed; the step's own error says why.
    }
  }
  return written;
}
