/**
 * The setup most browser journeys share: the stack (server, customer page, Chromium), one browser context and
 * page per actor with its page problems recorded, steps that report those problems, and teardown.
 */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { defineSteps, type StepFn } from './define-steps.ts';
import { recordPageProblems } from './record-page-problems.ts';
import { startStack, type Stack } from './start-stack.ts';

export interface BrowserJourney<A extends string> {
  step: StepFn;
  /** The running stack; throws when the setup did not start. */
  stack(): Stack;
  /** An actor's page; throws when the setup did not start. */
  page(actor: A): Page;
}

/**
 * Call inside `describeBrowser`. Each actor gets its own context (default zh-CN at 1280 × 800, overridden per
 * actor); `prepare` runs once after the pages exist (folders for screenshots, init scripts).
 */
export function browserJourney<A extends string>(
  chromiumPath: string,
  actors: Record<A, BrowserContextOptions>,
  prepare?: (stack: Stack) => Promise<void> | void,
): BrowserJourney<A> {
  let stack: Stack | undefined;
  const pages: Partial<Record<A, Page>> = {};
  const problems: Partial<Record<A, () => string[]>> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    for (const [actor, options] of Object.entries(actors) as [A, BrowserContextOptions][]) {
      const context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      pages[actor] = page;
      problems[actor] = recordPageProblems(page);
    }
    await prepare?.(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const started = (): Stack => {
    if (!stack) throw new Error('The test setup did not start (server, host page or browser).');
    return stack;
  };
  return {
    step: defineSteps(
      () => pages as Record<string, Page | undefined>,
      () => stack?.server.output() ?? '',
      () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, (list as () => string[])()])),
    ),
    stack: started,
    page(actor) {
      started();
      const page = pages[actor];
      if (!page) throw new Error(`The test setup opened no page for ${actor}.`);
      return page;
    },
  };
}
