/**
 * A visitor waits in a busy queue: the widget says how long the wait may be (from the queue's recent takings), and
 * because even the short end of it is above the long-wait threshold it offers 留言 at once; tapping it leaves
 * the queue for the leave-a-message flow.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openSqliteStorage } from '@kefu/server';
import { ADMIN, WIDGET, defineSteps, describeBrowser, expectVisible, markOnDuty, recordPageProblems, startStack, type Stack } from '../src/index.ts';

const MIN = 60_000;

describeBrowser('a visitor in a busy queue', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let visitor: Page | undefined;
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    // Offered once the expected wait starts above one minute.
    stack = await startStack(chromiumPath, { KEFU_LONG_WAIT_MINUTES: '1' });
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    visitor = await context.newPage();
    problems.visitor = recordPageProblems(visitor);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor }),
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, list()])),
  );
  const ready = (): { stack: Stack; visitor: Page } => {
    if (!stack || !visitor) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, visitor };
  };
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const log = (page: Page): Locator => panel(page).getByRole('log');

  step('1. the last half hour: agents took three visitors from a queue that never emptied, two minutes apart', async () => {
    const { stack } = ready();
    const storage = openSqliteStorage(join(stack.server.dataDir, 'kefu.sqlite'));
    try {
      const now = Date.now();
      const earlier = await storage.createVisitor({ siteKey: 'demo', now: now - 40 * MIN });
      const conv = await storage.createConversation({ siteKey: 'demo', visitorId: earlier.id, now: now - 40 * MIN });
      for (const takenAgo of [10, 8, 6]) {
        await storage.recordQueueWait({ conversationId: conv.id, department: 'general', queuedAt: now - 30 * MIN, acceptedAt: now - takenAgo * MIN });
      }
    } finally {
      await storage.close();
    }
    await markOnDuty(stack.server.url, ADMIN);
  });

  step('2. the visitor asks for a human: place, expected wait, and the offer to leave a message', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher });
    await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.');
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    await expectVisible(
      panel(visitor).getByText('排队中：第 1 位，预计等待 2–3 分钟'),
      'The status line did not show the place and the expected wait (排队中：第 1 位，预计等待 2–3 分钟).',
      { context: panel(visitor), timeout: 10_000 },
    );
    await expectVisible(log(visitor).getByText(/当前排队第 1 位，预计等待 2–3 分钟/), 'The queue notice did not carry the expected wait.', { context: log(visitor) });
    await expectVisible(log(visitor).getByText(/继续排队等待，也可以留言/), 'The long wait was not offered a choice.', { context: log(visitor) });
  });

  step('3. 我要留言 leaves the queue and the bot asks for a phone number or email', async () => {
    const { visitor } = ready();
    await log(visitor).getByRole('button', { name: /留言/ }).first().click({ timeout: 5_000 });
    await expectVisible(log(visitor).getByText(/您已退出排队/), 'Tapping 留言 did not leave the queue.', { context: log(visitor), timeout: 10_000 });
    await expectVisible(log(visitor).getByText(/请留下您的手机号或邮箱/), 'The leave-a-message flow did not ask for a contact.', { context: log(visitor), timeout: 10_000 });
    await expectVisible(panel(visitor).getByRole('textbox', { name: WIDGET.input }), 'The visitor cannot type the contact.', { context: panel(visitor) });
    if ((await panel(visitor).getByText(/排队中/).count()) > 0) throw new Error('The status line still says 排队中 after leaving the queue.');
  });
});
