/** An English customer page (data-lang="en") gets an English widget and English answers. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { HOTLINE, defineSteps, describeBrowser, expectVisible, messageItems, recordPageProblems, startStack, visibleText, type Stack } from '../src/index.ts';

/** An English name: matches `words` and holds no Chinese characters. */
const english = (words: string): RegExp => new RegExp(`^(?=.*(${words}))[^\\u3400-\\u9fff]*$`, 'i');

const NAMES = {
  launcher: english('chat|help|support|contact'),
  panel: english('chat|support'),
  input: english('message|type'),
  send: english('send'),
  human: english('human|agent|person'),
};

describeBrowser('an English visitor page', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let visitor: Page | undefined;
  let problems: () => string[] = () => [];

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    // The browser says Chinese; data-lang="en" on the snippet must win.
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    visitor = await context.newPage();
    problems = recordPageProblems(visitor);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor }),
    () => stack?.server.output() ?? '',
    () => ({ visitor: problems() }),
  );
  const ready = (): { stack: Stack; visitor: Page } => {
    if (!stack || !visitor) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, visitor };
  };
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: NAMES.panel });

  step('1. the launcher and the chat panel have English names', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(`${stack.hostPage.origin}/en`);
    const launcher = visitor.getByRole('button', { name: NAMES.launcher });
    await expectVisible(launcher, 'On a data-lang="en" page the visitor saw no English launcher (a button named chat/help, no Chinese).', {
      timeout: 20_000,
      context: visitor.locator('body'),
    });
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'The English launcher opened no English chat panel (a dialog named chat/support, no Chinese).');
    await expectVisible(panel(visitor).getByRole('textbox', { name: NAMES.input }), 'The English panel has no English message box (message/type).', {
      context: panel(visitor),
    });
    await expectVisible(panel(visitor).getByRole('button', { name: NAMES.send }), 'The English panel has no "Send" button.', { context: panel(visitor) });
    await expectVisible(panel(visitor).getByRole('button', { name: NAMES.human }), 'The English panel has no "Talk to a human" button.', {
      context: panel(visitor),
    });
  });

  step('2. an English question gets the English answer', async () => {
    const { visitor } = ready();
    await panel(visitor).getByRole('textbox', { name: NAMES.input }).first().fill('What is the customer service hotline?');
    await panel(visitor).getByRole('button', { name: NAMES.send }).first().click({ timeout: 5_000 });
    const log = panel(visitor).getByRole('log');
    const answer = messageItems(log).filter({ hasText: HOTLINE });
    await expectVisible(answer, 'The bot did not answer "What is the customer service hotline?" with the hotline 400-XXX-XXXX.', { context: log });
    const text = await visibleText(answer.last());
    expect(text, `The hotline answer on the English page is not in English: "${text}"`).toMatch(/hotline|weekdays|call/i);
    expect(text, `The hotline answer on the English page is in Chinese: "${text}"`).not.toMatch(/热线|工作日/);
  });
});
