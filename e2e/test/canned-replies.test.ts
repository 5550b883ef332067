/**
 * Canned replies in Chromium: the agent types `/感谢` in the reply box, the 快捷回复 list offers the demo
 * team reply, Enter inserts it, Enter sends it, and the visitor reads it. Screenshots of the list in
 * zh-CN and English at 1280 and 768 px go to e2e/test-results/canned-replies/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  RESULTS_DIR,
  WIDGET,
  browserJourney,
  describeBrowser,
  expectVisible,
  messageItems,
  signIn,
  takeFromQueue,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'canned-replies');
const LIST = /快捷|常用|canned|saved/i;
const THANKS = '感谢您的耐心等待。';

describeBrowser('canned replies in the reply box', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const replyBox = (page: Page): Locator => page.getByRole('textbox', { name: CONSOLE.reply }).first();

  step('1. the agent takes the visitor who asked for a human', async () => {
    const { stack, agent, visitor } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    await takeFromQueue(agent);
    await expectVisible(replyBox(agent), 'Accepting the visitor opened no reply box.', { context: agent.locator('body') });
  });

  step('2. /感谢 lists the matching canned reply; screenshots in zh-CN and English', async () => {
    const { agent } = ready();
    await replyBox(agent).click();
    await agent.keyboard.type('/感谢');
    const list = agent.getByRole('listbox', { name: LIST });
    await expectVisible(list, 'Typing /感谢 in the reply box opened no list named 快捷回复.', { context: agent.locator('body') });
    const first = list.getByRole('option').first();
    await expect.poll(() => first.textContent(), { message: 'The first option for /感谢 is not 感谢您的耐心等待。' }).toContain(THANKS);
    expect(await first.getAttribute('aria-selected')).toBe('true');
    for (const width of [1280, 768]) {
      await agent.setViewportSize({ width, height: 800 });
      await agent.screenshot({ path: join(SHOTS, `list-zh-CN-${width}.png`) });
      if (width === 768) expect(await agent.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'At 768 px the console scrolls sideways.').toBeLessThanOrEqual(0);
    }
    // English: the same list, named Canned replies; the typed /query stays and the list reopens on input.
    await agent.getByRole('combobox').filter({ has: agent.locator('option[value="en"]') }).selectOption('en');
    await replyBox(agent).click();
    await agent.keyboard.press('End');
    await agent.keyboard.type('x');
    await agent.keyboard.press('Backspace');
    const english = agent.getByRole('listbox', { name: 'Canned replies' });
    await expectVisible(english, 'In English the list is not named Canned replies.', { context: agent.locator('body') });
    for (const width of [1280, 768]) {
      await agent.setViewportSize({ width, height: 800 });
      await agent.screenshot({ path: join(SHOTS, `list-en-${width}.png`) });
      if (width === 768) expect(await agent.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'At 768 px the English console scrolls sideways.').toBeLessThanOrEqual(0);
    }
    await agent.setViewportSize({ width: 1280, height: 800 });
    await agent.getByRole('combobox').filter({ has: agent.locator('option[value="en"]') }).selectOption('zh-CN');
  });

  step('3. Escape closes the list; Enter inserts the reply, Enter again sends it, and the visitor reads it', async () => {
    const { agent, visitor } = ready();
    await replyBox(agent).click();
    await agent.keyboard.press('End');
    const list = agent.getByRole('listbox', { name: LIST });
    await agent.keyboard.type('x');
    await agent.keyboard.press('Backspace');
    await expectVisible(list, 'The list did not reopen while /感谢 was still being typed.', { context: agent.locator('body') });
    await agent.keyboard.press('Escape');
    await list.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await replyBox(agent).inputValue(), 'Escape changed the text in the reply box.').toBe('/感谢');
    await agent.keyboard.type('x');
    await agent.keyboard.press('Backspace');
    await expectVisible(list, 'The list did not reopen after typing on.', { context: agent.locator('body') });
    await agent.keyboard.press('Enter');
    await expect.poll(() => replyBox(agent).inputValue(), { message: 'Enter did not replace /感谢 with the canned reply.' }).toBe(THANKS);
    await list.waitFor({ state: 'detached', timeout: 5_000 });
    await agent.keyboard.press('Enter');
    const log = panel(visitor).getByRole('log');
    await expectVisible(messageItems(log).filter({ hasText: THANKS }), 'The inserted canned reply never reached the visitor.', { context: log });
    expect(await replyBox(agent).inputValue(), 'The reply box was not emptied after sending.').toBe('');
  });

  step('4. 保存为快捷回复 keeps the typed text as the agent’s own reply, offered by the next /', async () => {
    const { agent } = ready();
    const mine = '退款会在三个工作日内原路退回。';
    await replyBox(agent).fill(mine);
    await agent.getByRole('button', { name: /保存为快捷回复/ }).click();
    await expectVisible(agent.getByRole('status').filter({ hasText: '已保存为快捷回复' }), 'Saving showed no 已保存为快捷回复.', { context: agent.locator('body') });
    await replyBox(agent).fill('');
    await replyBox(agent).click();
    await agent.keyboard.type('/退款');
    const option = agent.getByRole('listbox', { name: LIST }).getByRole('option').filter({ hasText: mine });
    await expectVisible(option, 'The saved reply is not offered by /退款.', { context: agent.locator('body') });
    expect(await option.first().textContent()).toContain('我的');
  });
});
