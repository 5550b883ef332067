/** A conversation longer than one replay page opens on its newest messages in the widget and the console, and both page back without moving the view. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { openSqliteStorage } from '@kefu/server';
import { ADMIN, WIDGET, defineSteps, describeBrowser, expectVisible, recordPageProblems, signIn, startStack, takeFromQueue, type Stack } from '../src/index.ts';

/** Messages added behind the two of the first exchange: more than one page (500), fewer than two. */
const SEEDED = 520;
const LAST = 2 + SEEDED;
/** The first message of the newest page, and the first message of all. */
const PAGE_START = LAST - 499;
const LOAD_OLDER = /加载更早的消息|load earlier messages/i;
/** Where to write screenshots of the "load earlier" state (unset: none). */
const SCREENS = process.env.KEFU_SCREENSHOTS;

const line = (seq: number): string => `历史消息 ${seq}`;

describeBrowser('a conversation longer than one page', (chromiumPath) => {
  let stack: Stack | undefined;
  let visitorContext: BrowserContext | undefined;
  let agentContext: BrowserContext | undefined;
  let visitor: Page | undefined;
  let agent: Page | undefined;
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    visitorContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    agentContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    visitor = await visitorContext.newPage();
    agent = await agentContext.newPage();
    problems.visitor = recordPageProblems(visitor);
    problems.agent = recordPageProblems(agent);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor, agent }),
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([who, list]) => [who, list()])),
  );
  const ready = (): { stack: Stack; visitor: Page; agent: Page } => {
    if (!stack || !visitor || !agent) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, visitor, agent };
  };
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  const widgetLog = (p: Page): Locator => panel(p).getByRole('log');
  const consoleLog = (p: Page): Locator => p.getByRole('log');

  const openWidget = async (p: Page, url: string): Promise<void> => {
    await p.goto(url);
    if (!(await panel(p).isVisible())) {
      const launcher = p.getByRole('button', { name: WIDGET.launcher });
      await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
      await launcher.first().click({ timeout: 5_000 });
    }
    await expectVisible(panel(p), 'Clicking the launcher opened no chat panel.');
  };

  /** The visitor asks once (so a conversation exists), then the server's database gets SEEDED more messages. */
  const startLongConversation = async (s: Stack, p: Page): Promise<void> => {
    await openWidget(p, s.hostPage.url);
    await panel(p).getByRole('textbox', { name: WIDGET.input }).first().fill('你好');
    await panel(p).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await expect.poll(() => panel(p).getByText(/发送中|Sending/).count(), { message: 'The first question was never acknowledged.' }).toBe(0);
    await expect.poll(() => widgetLog(p).getByRole('article').count(), { timeout: 15_000, message: 'The bot never replied to the first question.' }).toBeGreaterThanOrEqual(3);
    const visitorId = await p.evaluate(() => localStorage.getItem('kefu:visitor:demo'));
    const storage = openSqliteStorage(join(s.server.dataDir, 'kefu.sqlite'));
    try {
      const conv = await storage.latestConversation(visitorId ?? '');
      if (!conv || conv.lastSeq !== 2) throw new Error(`The visitor's conversation should hold the first exchange (2 messages), found ${conv?.lastSeq}.`);
      for (let seq = 3; seq <= LAST; seq++) {
        await storage.appendMessage({ conversationId: conv.id, author: seq % 2 ? 'visitor' : 'bot', text: line(seq), createdAt: Date.now() });
      }
    } finally {
      await storage.close();
    }
  };

  /** Scrolls to the button, presses it, and returns how far the message that was first on screen moved. */
  const loadOlder = async (log: Locator, firstShown: number, oldest: number): Promise<number> => {
    const button = log.getByRole('button', { name: LOAD_OLDER });
    await button.first().scrollIntoViewIfNeeded();
    const anchor = log.getByText(line(firstShown), { exact: true });
    const before = await anchor.boundingBox();
    await button.first().click({ timeout: 5_000 });
    await log
      .getByText(line(oldest), { exact: true })
      .waitFor({ state: 'attached', timeout: 15_000 })
      .catch(() => {
        throw new Error(`Pressing "load earlier" did not bring back the older messages (${line(oldest)} never appeared).`);
      });
    const after = await anchor.boundingBox();
    if (!before || !after) throw new Error(`${line(firstShown)} is not on screen around "load earlier".`);
    return Math.abs(after.y - before.y);
  };

  const shoot = async (p: Page, name: string): Promise<void> => {
    if (!SCREENS) return;
    mkdirSync(SCREENS, { recursive: true });
    await p.screenshot({ path: join(SCREENS, `${name}.png`) });
  };

  /** Photographs `p` at desktop and phone width, then restores the desktop size. */
  const shootBoth = async (p: Page, name: string, reopen: () => Promise<void>): Promise<void> => {
    if (!SCREENS) return;
    await shoot(p, `${name}-1280`);
    await p.setViewportSize({ width: 390, height: 844 });
    await reopen();
    await shoot(p, `${name}-390`);
    await p.setViewportSize({ width: 1280, height: 800 });
  };

  step('1. the agent is signed in; a visitor has a conversation of more than 500 messages', async () => {
    const { stack, visitor, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await startLongConversation(stack, visitor);
  }, 120_000);

  step('2. after a reload the widget shows the newest messages, with "加载更早的消息" at the top instead of the first ones', async () => {
    const { stack, visitor } = ready();
    await openWidget(visitor, stack.hostPage.url);
    const log = widgetLog(visitor);
    await expectVisible(log.getByText(line(LAST), { exact: true }), `After a reload the widget does not show the newest message (${line(LAST)}).`, { context: log, timeout: 15_000 });
    await expectVisible(log.getByRole('button', { name: LOAD_OLDER }), 'A conversation longer than one page offers no "加载更早的消息" button.', { context: log });
    expect(await log.getByText(line(PAGE_START - 1), { exact: true }).count(), 'The widget shows messages older than the newest page before being asked to.').toBe(0);
    await log.getByRole('button', { name: LOAD_OLDER }).first().scrollIntoViewIfNeeded();
    await shootBoth(visitor, 'widget-load-earlier-zh-CN', () => openWidget(visitor, stack.hostPage.url).then(() => log.getByRole('button', { name: LOAD_OLDER }).first().scrollIntoViewIfNeeded()));
  });

  step('3. "加载更早的消息" prepends the older messages without moving what the visitor was reading', async () => {
    const { stack, visitor } = ready();
    await openWidget(visitor, stack.hostPage.url);
    const log = widgetLog(visitor);
    await expectVisible(log.getByText(line(LAST), { exact: true }), 'The widget lost the newest message.', { context: log, timeout: 15_000 });
    const moved = await loadOlder(log, PAGE_START, 3);
    expect(moved, `After "load earlier" the message the visitor was reading jumped by ${moved}px.`).toBeLessThan(2);
    await expectVisible(log.getByText('你好', { exact: true }), 'After paging back the first question of the conversation is not there.', { context: log });
    expect(await log.getByRole('button', { name: LOAD_OLDER }).count(), 'At the start of the conversation "load earlier" is still offered.').toBe(0);
  });

  step('4. the agent takes the conversation and sees its newest messages with "加载更早的消息"', async () => {
    const { visitor, agent } = ready();
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    await takeFromQueue(agent, 'The visitor of the long conversation');
    const log = consoleLog(agent);
    await expectVisible(log.getByText(line(LAST), { exact: true }), `The console does not show the newest message (${line(LAST)}).`, { context: log });
    await expectVisible(log.getByRole('button', { name: LOAD_OLDER }), 'The console offers no "加载更早的消息" button for a conversation longer than one page.', { context: log });
    expect(await log.getByText(line(PAGE_START - 1), { exact: true }).count(), 'The console shows messages older than the newest page before being asked to.').toBe(0);
  });

  step('5. in the console "加载更早的消息" prepends the older messages without moving the view', async () => {
    const { agent } = ready();
    const log = consoleLog(agent);
    // The queue notice and the handoff request came after the seeded messages, so the newest page starts 2–3 later.
    const firstSeq = Number((await log.getByText(/^历史消息 \d+$/).first().textContent())?.replace(/\D+/g, ''));
    await log.getByRole('button', { name: LOAD_OLDER }).first().scrollIntoViewIfNeeded();
    if (SCREENS) {
      await shoot(agent, 'console-load-earlier-zh-CN-1280');
      await agent.setViewportSize({ width: 390, height: 844 });
      await log.getByRole('button', { name: LOAD_OLDER }).first().scrollIntoViewIfNeeded();
      await shoot(agent, 'console-load-earlier-zh-CN-390');
      await agent.setViewportSize({ width: 1280, height: 800 });
    }
    const moved = await loadOlder(log, firstSeq, 3);
    expect(moved, `After "load earlier" the message the agent was reading jumped by ${moved}px.`).toBeLessThan(2);
  });

  step('6. in English both say "Load earlier messages"', async () => {
    const { stack } = ready();
    const browser: Browser = stack.browser;
    const en = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const page = await en.newPage();
      await startLongConversation(stack, page);
      await openWidget(page, stack.hostPage.url);
      const log = widgetLog(page);
      const button = log.getByRole('button', { name: 'Load earlier messages' });
      await expectVisible(button, 'An English widget has no "Load earlier messages" button.', { context: log, timeout: 15_000 });
      await button.first().scrollIntoViewIfNeeded();
      await shootBoth(page, 'widget-load-earlier-en', () => openWidget(page, stack.hostPage.url).then(() => button.first().scrollIntoViewIfNeeded()));
      const agentPage = await en.newPage();
      await signIn(agentPage, stack.server.url, ADMIN);
      // The conversation taken in step 4 is listed under "My conversations"; opening it loads its newest page.
      await agentPage.getByRole('list', { name: 'My conversations' }).getByRole('button').first().click({ timeout: 10_000 });
      const consoleButton = consoleLog(agentPage).getByRole('button', { name: 'Load earlier messages' });
      await expectVisible(consoleButton, 'An English console has no "Load earlier messages" button on the long conversation.', { context: agentPage.locator('body') });
      await consoleButton.first().scrollIntoViewIfNeeded();
      await shootBoth(agentPage, 'console-load-earlier-en', () => consoleButton.first().scrollIntoViewIfNeeded());
    } finally {
      await en.close();
    }
  }, 120_000);
});
