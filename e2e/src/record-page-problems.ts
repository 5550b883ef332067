/** Collects what went wrong inside a page (console errors, failed or 4xx/5xx requests) for failure messages. */
import type { Page } from 'playwright-core';

const KEEP = 20;

/** Starts recording on `page`; the returned function lists the latest problems, oldest first. */
export function recordPageProblems(page: Page): () => string[] {
  const problems: string[] = [];
  const add = (line: string): void => {
    problems.push(line);
    if (problems.length > KEEP) problems.shift();
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') add(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => add(`uncaught: ${error.message}`));
  page.on('requestfailed', (req) => add(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) add(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return () => [...problems];
}
