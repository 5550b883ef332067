/** A message typed while offline survives a reload of the page and is delivered exactly once when the network returns. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openSqliteStorage } from '@kefu/server';
import { WIDGET, defineSteps, describeBrowser, expectVisible, messageItems, recordPageProblems, startStack, type Stack } from '../src/index.ts';

const TYPED_OFFLINE = '离线时写的：我的订单什么时候发货？';
const SENDING = /发送中/;
const SOCKET = /\/socket\.io\//;

describeBrowser('the outbox across an offline reload', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: () => string[] = () => [];
  /** While true, the visitor's Socket.IO traffic (WebSocket and long-polling) fails as on a dead network; the page itself still loads. */
  let socketBlocked = false;

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await context.route(SOCKET, (route) => (socketBlocked ? route.abort('internetdisconnected') : route.continue()));
    await context.routeWebSocket(SOCKET, (ws) => (socketBlocked ? ws.close() : void ws.connectToServer()));
    page = await context.newPage();
    problems = recordPageProblems(page);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor: page }),
    () => stack?.server.output() ?? '',
    () => ({ visitor: problems() }),
  );
  const ready = (): { stack: Stack; context: BrowserContext; page: Page } => {
    if (!stack || !context || !page) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, context, page };
  };
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  const log = (p: Page): Locator => panel(p).getByRole('log');
  const openPanel = async (p: Page): Promise<void> => {
    if (!(await panel(p).isVisible())) {
      const launcher = p.getByRole('button', { name: WIDGET.launcher });
      await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
      await launcher.first().click({ timeout: 5_000 });
    }
    await expectVisible(panel(p), 'Clicking the launcher opened no chat panel.');
  };
  const ask = async (p: Page, text: string): Promise<void> => {
    await panel(p).getByRole('textbox', { name: WIDGET.input }).first().fill(text);
    await panel(p).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
  };

  /** The visitor's stored copies of `text`, read from the server's database. */
  const storedCopies = async (stack: Stack, page: Page, text: string): Promise<number> => {
    const visitorId = await page.evaluate(() => localStorage.getItem('kefu:visitor:demo'));
    const storage = openSqliteStorage(join(stack.server.dataDir, 'kefu.sqlite'));
    try {
      const conv = await storage.latestConversation(visitorId ?? '');
      const messages = conv ? await storage.listMessages(conv.id, 0, 1000) : [];
      return messages.filter((m) => m.author === 'visitor' && m.text === text).length;
    } finally {
      await storage.close();
    }
  };
  /** The bot's turns in the transcript (the welcome included). */
  const botTurns = (p: Page): Promise<number> => messageItems(log(p)).filter({ hasText: /智能客服/ }).count();

  step('1. online, the visitor asks and the bot replies', async () => {
    const { stack, page } = ready();
    await page.goto(stack.hostPage.url);
    await openPanel(page);
    await ask(page, '客服热线是多少');
    await expect.poll(() => botTurns(page), { timeout: 15_000, message: 'The bot did not reply while the network was up.' }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => storedCopies(stack, page, '客服热线是多少'), { message: 'The question asked online was not stored.' }).toBe(1);
  });

  step('2. the network drops; the widget says so and the visitor types a message anyway', async () => {
    const { context, page } = ready();
    socketBlocked = true;
    await context.setOffline(true);
    await expectVisible(panel(page).getByText(/断开|重连|离线|offline|reconnect/i), 'With the network down the widget did not tell the visitor it was offline.', {
      context: panel(page),
    });
    await ask(page, TYPED_OFFLINE);
    await expectVisible(log(page).getByText(TYPED_OFFLINE), 'The message typed offline does not show in the transcript.', { context: log(page) });
  });

  step('3. the visitor reloads the page while the chat server is still unreachable; the message is still there, unsent', async () => {
    const { stack, context, page } = ready();
    // The customer's site is reachable again, the chat server not yet: the page reloads, the socket cannot connect.
    await context.setOffline(false);
    await page.goto(stack.hostPage.url);
    await openPanel(page);
    await expectVisible(log(page).getByText(TYPED_OFFLINE), 'After the reload the message typed offline is gone from the transcript: the outbox was lost.', {
      context: log(page),
      timeout: 15_000,
    });
    await expectVisible(log(page).getByText(SENDING), 'After the reload the message typed offline is not marked as still sending.', { context: log(page) });
    expect(await storedCopies(stack, page, TYPED_OFFLINE), 'The message typed offline reached the server although it was unreachable.').toBe(0);
  });

  step('4. the network returns; the message is delivered and answered, exactly once', async () => {
    const { stack, page } = ready();
    socketBlocked = false;
    await expect
      .poll(() => storedCopies(stack, page, TYPED_OFFLINE), { timeout: 30_000, message: `After the network returned the message typed offline ("${TYPED_OFFLINE}") never reached the server.` })
      .toBe(1);
    await expect.poll(() => log(page).getByText(SENDING).count(), { message: 'The delivered message still shows as sending.' }).toBe(0);
    // The welcome, the reply to the first question, the reply to the message typed offline.
    await expect.poll(() => botTurns(page), { timeout: 15_000, message: 'The bot did not reply (once) to the message typed offline.' }).toBe(3);
    const shown = await messageItems(log(page)).filter({ hasText: TYPED_OFFLINE }).count();
    expect(shown, `The message typed offline shows ${shown} times in the transcript (want exactly once).`).toBe(1);
    // A moment later still once: no second tab or late resend doubles it.
    await page.waitForTimeout(1_000);
    expect(await storedCopies(stack, page, TYPED_OFFLINE), 'The server stored the message typed offline more than once.').toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kefu:outbox:'))), 'The delivered message is still in the outbox.').toEqual([]);
  });
});
