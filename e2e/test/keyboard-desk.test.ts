/**
 * The desk from the keyboard, as an agent who does not touch the mouse: `?` shows the shortcuts, Alt + A
 * takes the first waiting visitor, Alt + R goes to the reply box and Enter sends; the visitor reads it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  queueLocator,
  signIn,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'keyboard-desk');
const HELP = /键盘快捷键|keyboard shortcuts/i;

describeBrowser('the desk from the keyboard', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });

  step('1. ? shows the keyboard shortcuts, Esc closes them, and the header offers the same help', async () => {
    const { stack, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await agent.locator('body').press('?');
    const help = agent.getByRole('dialog', { name: HELP });
    await expectVisible(help, 'Pressing ? on the console showed no 键盘快捷键 dialog.', { context: agent.locator('body') });
    await expectVisible(help.getByText('Alt + A', { exact: true }), 'The shortcuts dialog does not list Alt + A.', { context: help });
    for (const width of [1280, 768]) {
      await agent.setViewportSize({ width, height: 800 });
      await agent.screenshot({ path: join(SHOTS, `shortcuts-zh-CN-${width}.png`) });
    }
    await agent.setViewportSize({ width: 1280, height: 800 });
    await agent.keyboard.press('Escape');
    await help.waitFor({ state: 'detached', timeout: 5_000 });
    await agent.getByRole('button', { name: /快捷键|shortcuts/i }).click();
    await expectVisible(help, 'The header button 快捷键 opened no shortcuts dialog.', { context: agent.locator('body') });
    await agent.keyboard.press('Escape');
    await help.waitFor({ state: 'detached', timeout: 5_000 });
  });

  step('2. Alt + A takes the waiting visitor, Alt + R goes to the reply box, Enter sends, the visitor reads it', async () => {
    const { stack, agent, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    await expectVisible(queueLocator(agent).getByRole('button', { name: CONSOLE.take }), 'The waiting visitor never appeared in the console queue.', {
      context: agent.locator('body'),
    });
    await agent.keyboard.press('Alt+KeyA');
    const reply = agent.getByRole('textbox', { name: CONSOLE.reply });
    await expectVisible(reply, 'Alt + A did not open the waiting conversation with a reply box.', { context: agent.locator('body') });
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('Alt+KeyR');
    await agent.waitForFunction(() => document.activeElement?.id === 'reply-input', undefined, { timeout: 5_000 });
    await agent.keyboard.type('您好，键盘也能接待。');
    await agent.keyboard.press('Enter');
    const log = panel(visitor).getByRole('log');
    await expectVisible(messageItems(log).filter({ hasText: '您好，键盘也能接待。' }), 'The reply sent from the keyboard never reached the visitor.', { context: log });
  });
});
