/**
 * Typing both ways, 已读 for the visitor, and the console's alerts, in Chromium: a visitor asks for a
 * human, the console's tab title counts them and a chime plays, the agent takes the conversation and
 * the visitor sees 已读, each side sees the other typing. Then the same in English, with screenshots
 * of the changed screens (widget at 1280 and 390 px, console at 1280 and 768 px).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  RESULTS_DIR,
  WIDGET,
  defineSteps,
  describeBrowser,
  expectVisible,
  messageItems,
  queueLocator,
  recordPageProblems,
  signIn,
  startStack,
  visibleText,
  type Stack,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'typing-and-read');
const VISITOR_TYPING = /访客正在输入|visitor is typing/i;
const AGENT_TYPING = /客服正在输入|agent is typing/i;
const READ = /^\s*(已读|read)\s*$/i;

/** Keeps each desktop notification's title and body on `window.__kefuShown` (a headless browser shows none). */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  if (!Real) return;
  window.__kefuShown = [];
  window.Notification = new Proxy(Real, {
    construct(target, args) {
      window.__kefuShown.push({ title: args[0], body: args[1] && args[1].body });
      return Reflect.construct(target, args);
    },
    get(target, key) {
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
})();`;

interface Actors {
  visitor: Page;
  agent: Page;
}

describeBrowser('typing indicators, read state and console alerts', (chromiumPath) => {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page | undefined> = {};
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    mkdirSync(SHOTS, { recursive: true });
    for (const [actor, locale] of [
      ['visitor', 'zh-CN'],
      ['agent', 'zh-CN'],
      ['visitorEn', 'en-US'],
      ['agentEn', 'en-US'],
    ] as const) {
      // The Chinese agent has allowed desktop notifications; the English one has not been asked yet.
      const allowed = actor === 'agent';
      const context = await stack.browser.newContext({ locale, viewport: { width: 1280, height: 800 }, ...(allowed ? { permissions: ['notifications'] } : {}) });
      if (allowed) await context.addInitScript(RECORD_NOTIFICATIONS);
      contexts.push(context);
      const page = await context.newPage();
      pages[actor] = page;
      problems[actor] = recordPageProblems(page);
    }
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => pages,
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, list()])),
  );
  const ready = (): Stack => {
    if (!stack) throw new Error('The test setup did not start (server, host page or browser).');
    return stack;
  };
  const zh = (): Actors => ({ visitor: pages.visitor!, agent: pages.agent! });
  const en = (): Actors => ({ visitor: pages.visitorEn!, agent: pages.agentEn! });
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const transcript = (page: Page): Locator => panel(page).getByRole('log');
  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  /** The visitor opens the chat and asks for a human; the agent sees them waiting. */
  async function queueVisitor({ visitor, agent }: Actors, path: string): Promise<void> {
    await visitor.goto(`${ready().hostPage.origin}${path}`);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    await expectVisible(queueLocator(agent).getByRole('button', { name: CONSOLE.take }), 'The waiting visitor never appeared in the console queue.', {
      context: agent.locator('body'),
    });
  }

  /** The 已读 mark under the visitor's last message the agent has read. */
  const readMark = (visitor: Page) => messageItems(transcript(visitor)).filter({ has: visitor.getByText(READ) });

  step('1. an agent signs in; a visitor asks for a human and the tab title counts them, with a chime', async () => {
    const { agent, visitor } = zh();
    await signIn(agent, ready().server.url, ADMIN);
    await expectVisible(agent.getByRole('button', { name: /提示音/ }), 'The console header has no 提示音 (sound alerts) toggle.', { context: agent.locator('header') });
    // Notifications are already allowed here, so there is nothing to ask (the English agent below is asked).
    expect(await agent.getByRole('button', { name: /开启桌面通知/ }).count(), 'The console offers 开启桌面通知 although the browser already allows them.').toBe(0);
    // Any click unlocks audio in a browser; the agent clicked "sign in", and clicks the header here.
    await agent.locator('header h1').click();
    await queueVisitor({ visitor, agent }, '/');
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'The console tab title does not count the waiting visitor: "(1) 客服工作台".' }).toBe('(1) 客服工作台');
    await expect
      .poll(() => agent.evaluate(() => Number(document.documentElement.dataset.kefuChimes ?? 0)), { timeout: 5_000, message: 'No chime played for the newly queued visitor.' })
      .toBeGreaterThanOrEqual(1);
    await shoot(agent, 'console-zh-1280-queued');
  });

  step('2. the agent takes the conversation: the title count goes away and the visitor sees 已读', async () => {
    const { agent, visitor } = zh();
    await queueLocator(agent).getByRole('button', { name: CONSOLE.take }).first().click({ timeout: 5_000 });
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'The tab title still counts a visitor who was taken.' }).toBe('客服工作台');
    await expectVisible(readMark(visitor), 'After the agent opened the conversation the visitor saw no 已读 under their message.', { context: transcript(visitor) });
    expect(await visibleText(readMark(visitor).last())).toMatch(/转人工|人工客服/);
  });

  step('3. the visitor types: the console shows 访客正在输入… until the visitor stops', async () => {
    const { agent, visitor } = zh();
    const input = panel(visitor).getByRole('textbox', { name: WIDGET.input }).first();
    await input.pressSequentially('我的订单', { delay: 60 });
    await expectVisible(agent.getByText(VISITOR_TYPING), 'While the visitor typed, the console showed no 访客正在输入….', { context: agent.locator('main') });
    await shoot(agent, 'console-zh-1280-visitor-typing');
    await agent.setViewportSize({ width: 768, height: 900 });
    await input.pressSequentially('还没到', { delay: 60 });
    await expectVisible(agent.getByText(VISITOR_TYPING), 'At 768 px the console showed no 访客正在输入….', { context: agent.locator('main') });
    await shoot(agent, 'console-zh-768-visitor-typing');
    await agent.setViewportSize({ width: 1280, height: 800 });
    // Three seconds after the last key the widget says stop.
    await agent.getByText(VISITOR_TYPING).first().waitFor({ state: 'hidden', timeout: 8_000 });
  });

  step('4. the agent types: the widget shows 客服正在输入…, and the reply replaces it', async () => {
    const { agent, visitor } = zh();
    const reply = agent.getByRole('textbox', { name: CONSOLE.reply }).first();
    await reply.pressSequentially('您好，我帮您查一下', { delay: 40 });
    await expectVisible(panel(visitor).getByText(AGENT_TYPING), 'While the agent typed, the widget showed no 客服正在输入….', { context: panel(visitor) });
    await shoot(visitor, 'widget-zh-1280-agent-typing');
    await visitor.setViewportSize({ width: 390, height: 844 });
    await reply.pressSequentially('。', { delay: 40 });
    await expectVisible(panel(visitor).getByText(AGENT_TYPING), 'At 390 px the widget showed no 客服正在输入….', { context: panel(visitor) });
    await shoot(visitor, 'widget-zh-390-agent-typing');
    await agent.getByRole('button', { name: CONSOLE.send }).first().click({ timeout: 5_000 });
    await expectVisible(transcript(visitor).getByText('您好，我帮您查一下。'), "The visitor never saw the agent's reply.", { context: transcript(visitor) });
    await panel(visitor).getByText(AGENT_TYPING).first().waitFor({ state: 'hidden', timeout: 5_000 });
  });

  step('5. a new visitor message on the agent’s screen is read at once: 已读 moves under it', async () => {
    const { agent, visitor } = zh();
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().press('Enter');
    await expectVisible(agent.getByText('我的订单还没到'), "The agent never saw the visitor's message.", { context: agent.locator('main') });
    await expect
      .poll(async () => visibleText(readMark(visitor).last()), { timeout: 10_000, message: '已读 did not move under the message the agent just read.' })
      .toContain('我的订单还没到');
    expect(await readMark(visitor).count(), '已读 shows under more than one message.').toBe(1);
    await shoot(visitor, 'widget-zh-390-read');
    await visitor.setViewportSize({ width: 1280, height: 800 });
    // A resize leaves the log where it was scrolled; the newest message is what this shot is about.
    await transcript(visitor).first().evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shoot(visitor, 'widget-zh-1280-read');
  });

  step('6. in English: Agent is typing…, Read, Visitor is typing…, and the title count', async () => {
    const { agent, visitor } = en();
    await signIn(agent, ready().server.url, ADMIN);
    await expectVisible(agent.getByRole('button', { name: /enable desktop notifications/i }), 'The English console offers no "Enable desktop notifications".', {
      context: agent.locator('header'),
    });
    await queueVisitor({ visitor, agent }, '/en');
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'The English tab title does not count the waiting visitor.' }).toMatch(/^\(1\) /);
    await queueLocator(agent).getByRole('button', { name: CONSOLE.take }).first().click({ timeout: 5_000 });
    await expectVisible(readMark(visitor), 'The English visitor saw no "Read" after the agent opened the conversation.', { context: transcript(visitor) });
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().pressSequentially('Where is my parcel', { delay: 50 });
    await expectVisible(agent.getByText(VISITOR_TYPING), 'The English console showed no "Visitor is typing…".', { context: agent.locator('main') });
    await shoot(agent, 'console-en-1280-visitor-typing');
    await agent.setViewportSize({ width: 768, height: 900 });
    await shoot(agent, 'console-en-768-visitor-typing');
    await agent.getByRole('textbox', { name: CONSOLE.reply }).first().pressSequentially('Let me check', { delay: 50 });
    await expectVisible(panel(visitor).getByText(AGENT_TYPING), 'The English widget showed no "Agent is typing…".', { context: panel(visitor) });
    await shoot(visitor, 'widget-en-1280-agent-typing');
    await visitor.setViewportSize({ width: 390, height: 844 });
    await agent.getByRole('textbox', { name: CONSOLE.reply }).first().pressSequentially('.', { delay: 50 });
    await expectVisible(panel(visitor).getByText(AGENT_TYPING), 'At 390 px the English widget showed no "Agent is typing…".', { context: panel(visitor) });
    await shoot(visitor, 'widget-en-390-agent-typing');
  });

  step('7. while the console tab is hidden a new message counts in the title and is not read; shown again, it is', async () => {
    const { agent, visitor } = zh();
    const setVisible = (visible: boolean) =>
      agent.evaluate((v) => {
        Object.defineProperty(document, 'visibilityState', { value: v ? 'visible' : 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, visible);
    const chimes = () => agent.evaluate(() => Number(document.documentElement.dataset.kefuChimes ?? 0));
    const before = await chimes();
    await setVisible(false);
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().fill('在吗？');
    await panel(visitor).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'A message while the tab was hidden did not count in the tab title.' }).toBe('(1) 客服工作台');
    expect(await chimes(), 'No chime played for a message while the tab was hidden.').toBeGreaterThan(before);
    const shown = await agent.evaluate(() => (window as unknown as { __kefuShown: { title: string; body: string }[] }).__kefuShown);
    expect(shown, 'No desktop notification for a message while the tab was hidden.').toContainEqual({ title: expect.stringMatching(/发来新消息/), body: '在吗？' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await visibleText(readMark(visitor).last()), 'The visitor saw 已读 on a message the agent had not seen.').not.toContain('在吗');
    await setVisible(true);
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'Showing the tab again did not clear the count.' }).toBe('客服工作台');
    await expect.poll(async () => visibleText(readMark(visitor).last()), { timeout: 10_000, message: '已读 did not reach the message once the agent saw it.' }).toContain('在吗');

    // Muted: the title still counts, the chime stays silent; the choice outlives a reload.
    const sound = agent.getByRole('button', { name: /提示音/ }).first();
    await sound.click();
    expect(await sound.getAttribute('aria-pressed'), 'The 提示音 toggle does not show that it is off.').toBe('false');
    await agent.reload();
    await expect.poll(() => agent.getByRole('button', { name: /提示音/ }).first().getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    await agent.getByRole('button', { name: /访客/ }).filter({ hasText: /进行中/ }).first().click({ timeout: 10_000 });
    const muted = await chimes();
    await setVisible(false);
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().fill('有人吗');
    await panel(visitor).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await expect.poll(() => agent.title(), { timeout: 10_000, message: 'A message while muted did not count in the tab title.' }).toBe('(1) 客服工作台');
    expect(await chimes(), 'A chime played although the sound was muted.').toBe(muted);
    await setVisible(true);
  });
});
