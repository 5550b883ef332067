/** One visitor, two tabs: both show the same conversation, live, without a reload. */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { HOTLINE, WIDGET, defineSteps, describeBrowser, expectVisible, recordPageProblems, startStack, type Stack } from '../src/index.ts';

const SERVICE_HOURS = /9:00\s*-\s*21:00/;

describeBrowser('a visitor with two tabs', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let first: Page | undefined;
  let second: Page | undefined;
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    first = await context.newPage();
    second = await context.newPage();
    problems.first = recordPageProblems(first);
    problems.second = recordPageProblems(second);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ first, second }),
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([tab, list]) => [tab, list()])),
  );
  const ready = (): { stack: Stack; first: Page; second: Page } => {
    if (!stack || !first || !second) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, first, second };
  };
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const log = (page: Page): Locator => panel(page).getByRole('log');
  const open = async (page: Page, url: string): Promise<void> => {
    await page.goto(url);
    if (!(await panel(page).isVisible())) {
      const launcher = page.getByRole('button', { name: WIDGET.launcher });
      await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
      await launcher.first().click({ timeout: 5_000 });
    }
    await expectVisible(panel(page), 'Clicking the launcher opened no chat panel.');
  };
  const ask = async (page: Page, text: string): Promise<void> => {
    await panel(page).getByRole('textbox', { name: WIDGET.input }).first().fill(text);
    await panel(page).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
  };

  step('1. in the first tab the visitor asks and gets an answer', async () => {
    const { stack, first } = ready();
    await open(first, stack.hostPage.url);
    await ask(first, '客服热线是多少');
    await expectVisible(log(first).getByText(HOTLINE), 'The bot did not answer in the first tab.', { context: panel(first) });
  });

  step('2. a second tab opens on the same conversation', async () => {
    const { stack, second } = ready();
    await open(second, stack.hostPage.url);
    await expectVisible(log(second).getByText('客服热线是多少'), "The second tab does not show the question asked in the first tab.", { context: panel(second) });
    await expectVisible(log(second).getByText(HOTLINE), "The second tab does not show the bot's answer given in the first tab.", { context: panel(second) });
  });

  step('3. what the visitor asks in the second tab appears live in the first', async () => {
    const { first, second } = ready();
    await ask(second, '人工客服几点上班');
    await expectVisible(log(second).getByText(SERVICE_HOURS), 'The bot did not answer "人工客服几点上班" in the second tab.', { context: panel(second) });
    await expectVisible(log(first).getByText('人工客服几点上班'), 'The first tab did not show, without a reload, the question asked in the second tab.', {
      context: panel(first),
    });
    await expectVisible(log(first).getByText(SERVICE_HOURS), 'The first tab did not show, without a reload, the answer given in the second tab.', {
      context: panel(first),
    });
  });
});
