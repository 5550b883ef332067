/** Multi-turn flows through the widget: leave a message, get a ticket number, look the ticket up by that number. */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { WIDGET, defineSteps, describeBrowser, expectVisible, recordPageProblems, sayInWidget, startStack, visibleText, widgetPanel, type Stack } from '../src/index.ts';

const TICKET = /T\d{8}-\d{4,}/;

describeBrowser('leaving a message and looking up the ticket', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let visitor: Page | undefined;
  let problems: () => string[] = () => [];
  let ticket = '';

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
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
  const panel = widgetPanel;
  const log = (page: Page): Locator => panel(page).getByRole('log');
  const say = sayInWidget;

  step('1. "我要留言" starts the flow: the bot asks for a phone number or email', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher });
    await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.');
    await say(visitor, '我要留言');
    await expectVisible(log(visitor).getByText(/手机号或邮箱/), 'After "我要留言" the bot did not ask for a phone number or email.', { context: log(visitor) });
  });

  step('2. a contact that is not a phone number or email is refused with a hint; a valid one moves on', async () => {
    const { visitor } = ready();
    // A mistyped phone number: nothing the FAQ could answer, so only the flow's check applies.
    await say(visitor, '138001');
    await expectVisible(log(visitor).getByText(/有效的手机号/), 'The bot did not refuse "138001" as a contact with a hint to enter a valid phone number or email.', {
      context: log(visitor),
    });
    await say(visitor, '13800138000');
    await expectVisible(log(visitor).getByText(/描述您的问题/), 'After a valid phone number the bot did not ask for a description of the problem.', {
      context: log(visitor),
    });
  });

  step('3. the description creates a ticket and the visitor sees its number', async () => {
    const { visitor } = ready();
    await say(visitor, '打印机连不上 Wi-Fi，错误代码 E102');
    const created = log(visitor).getByText(TICKET);
    await expectVisible(created, 'After the description the visitor got no ticket number (T + 8 digits + - + serial).', { context: log(visitor) });
    ticket = (await visibleText(created.last())).match(TICKET)?.[0] ?? '';
  });

  step('4. "查询工单" with that number shows the ticket', async () => {
    const { visitor } = ready();
    await say(visitor, '查询工单');
    await expectVisible(log(visitor).getByText(/请输入工单编号/), 'After "查询工单" the bot did not ask for the ticket number.', { context: log(visitor) });
    await say(visitor, ticket);
    await expectVisible(log(visitor).getByText(new RegExp(`工单 ${ticket} 当前状态`)), `Looking up ${ticket} did not show its status.`, {
      context: log(visitor),
    });
  });
});
